package com.miniamazon.accounts;

import com.miniamazon.catalog.CatalogChanged;
import com.miniamazon.infrastructure.RequestRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Accounts: registration, login checks with throttling, and what a logged-in person may change about their own
 * account. Every method runs in its own container transaction (REQUIRED); refusals are
 * {@link RequestRefusedException}s naming the field they concern.
 */
@Stateless
@DeclareRoles({Roles.CUSTOMER, Roles.SELLER, Roles.ADMIN})
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    // Deliberately loose: one @, something on each side, a dot in the domain. The mail server has the last word.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private UnknownEmailLogins unknownEmails;

    @Inject
    private VerifiedApiCredentials verifiedApiCredentials;

    @Resource
    private SessionContext session;

    @Inject
    private Event<CatalogChanged> catalogChanged;

    private final Clock clock = Clock.systemUTC();

    /**
     * Opens a customer account.
     *
     * @return the new account
     * @throws RequestRefusedException for a malformed or taken email ({@code email}), a blank or long name
     *     ({@code displayName}) or a password against the rules ({@code password})
     */
    @PermitAll
    public AccountProfile register(String email, String displayName, char[] password) {
        String normalized = email == null ? "" : Account.normalizeEmail(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new RequestRefusedException("email", "Enter an email address such as ada@example.com.");
        }
        String name = checkedDisplayName(displayName);
        PasswordPolicy.problemWith(password, normalized).ifPresent(problem -> {
            throw new RequestRefusedException("password", problem);
        });
        if (accounts.findByEmail(normalized).isPresent()) {
            throw new RequestRefusedException("email", "An account with this email exists already. Sign in instead.");
        }
        Account account = new Account(normalized, name, hasher.hash(password));
        accounts.add(account);
        LOG.infof("Account %d registered", account.getId());
        return AccountProfile.of(account);
    }

    /**
     * Checks a login attempt and counts it: a success resets the failure count, a failure may lock the account
     * ({@link LoginThrottle#STANDARD}). A locked account is refused without looking at the password. Called by
     * the identity store, before anyone is logged in.
     */
    @PermitAll
    public LoginOutcome checkLogin(String email, char[] password) {
        if (email == null || email.isBlank() || password == null) {
            return LoginOutcome.rejected();
        }
        Instant now = clock.instant();
        Optional<Account> found = accounts.findByEmailForUpdate(email);
        if (found.isEmpty()) {
            // Same time, same counting and the same lock as for a real account: the answer tells nobody whether
            // the email is registered.
            String unknown = Account.normalizeEmail(email);
            Optional<Instant> locked = unknownEmails.lockedUntil(unknown, now);
            if (locked.isPresent()) {
                return LoginOutcome.locked(locked.get());
            }
            hasher.spendVerificationTime(password);
            return unknownEmails.recordFailure(unknown, now).map(LoginOutcome::locked).orElseGet(LoginOutcome::rejected);
        }
        Account account = found.get();
        if (account.isLockedAt(now)) {
            LOG.debugf("Login to account %d refused: locked until %s", account.getId(), account.getLockedUntil());
            return LoginOutcome.locked(account.getLockedUntil());
        }
        if (!hasher.matches(password, account.getPasswordHash())) {
            account.recordFailedLogin(now, LoginThrottle.STANDARD);
            LOG.infof("Wrong password for account %d (%d in a row)", account.getId(), account.getFailedLoginCount());
            return account.isLockedAt(now) ? LoginOutcome.locked(account.getLockedUntil()) : LoginOutcome.rejected();
        }
        account.recordSuccessfulLogin(now);
        return LoginOutcome.accepted(AccountProfile.of(account));
    }

    /**
     * Checks the email and password of a JSON API call. The first call, and any after a while or after a password
     * change, is a full {@link #checkLogin} (PBKDF2, throttling); later calls with the same password are matched
     * against {@link VerifiedApiCredentials} with one read of the account and no row lock. A locked account is
     * refused either way.
     */
    @PermitAll
    public LoginOutcome checkApiCall(String email, char[] password) {
        if (email == null || email.isBlank() || password == null) {
            return LoginOutcome.rejected();
        }
        Optional<Account> account = accounts.findByEmail(email);
        if (account.isPresent() && !account.get().isLockedAt(clock.instant())
                && verifiedApiCredentials.remembers(account.get(), password)) {
            return LoginOutcome.accepted(AccountProfile.of(account.get()));
        }
        LoginOutcome outcome = checkLogin(email, password);
        if (outcome.result() == LoginOutcome.Result.ACCEPTED) {
            // The same managed account checkLogin verified the password against: no second read.
            account.ifPresent(verified -> verifiedApiCredentials.remember(verified, password));
        }
        return outcome;
    }

    /**
     * Until when logins to this email are refused after too many wrong passwords; empty when they are not. An
     * email without an account is throttled the same way, so the answer does not reveal whether it has one. For
     * the login page's message.
     */
    @PermitAll
    public Optional<Instant> lockedUntil(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Account> account = accounts.findByEmail(email);
        return account.isPresent()
                ? account.filter(a -> a.isLockedAt(now)).map(Account::getLockedUntil)
                : unknownEmails.lockedUntil(Account.normalizeEmail(email), now);
    }

    /** The logged-in customer's own account. */
    @RolesAllowed(Roles.CUSTOMER)
    public AccountProfile myProfile() {
        return AccountProfile.of(caller());
    }

    /**
     * Changes the name others see on the caller's reviews and listings.
     *
     * @throws RequestRefusedException for a blank or too long name ({@code displayName})
     */
    @RolesAllowed(Roles.CUSTOMER)
    public AccountProfile rename(String displayName) {
        Account account = caller();
        account.rename(checkedDisplayName(displayName));
        // Shown on product pages as the seller's or a reviewer's name.
        catalogChanged.fire(new CatalogChanged("name of account " + account.getId()));
        return AccountProfile.of(account);
    }

    /**
     * Makes the caller a seller as well as a customer; harmless when they are one already. The new role holds
     * for requests after the caller's session learns of it (the page updates the session at once).
     */
    @RolesAllowed(Roles.CUSTOMER)
    public AccountProfile becomeSeller() {
        Account account = caller();
        if (!account.isSeller()) {
            account.becomeSeller();
            LOG.infof("Account %d became a seller", account.getId());
        }
        return AccountProfile.of(account);
    }

    /**
     * Changes the caller's password after checking the current one.
     *
     * @throws RequestRefusedException for a wrong current password ({@code currentPassword}) or a new one against
     *     the rules ({@code newPassword})
     */
    @RolesAllowed(Roles.CUSTOMER)
    public void changePassword(char[] currentPassword, char[] newPassword) {
        Account account = caller();
        if (!hasher.matches(currentPassword, account.getPasswordHash())) {
            throw new RequestRefusedException("currentPassword", "This is not your current password.");
        }
        PasswordPolicy.problemWith(newPassword, account.getEmail()).ifPresent(problem -> {
            throw new RequestRefusedException("newPassword", problem);
        });
        if (hasher.matches(newPassword, account.getPasswordHash())) {
            throw new RequestRefusedException("newPassword", "Choose a password different from the current one.");
        }
        account.changePasswordHash(hasher.hash(newPassword), clock.instant());
        LOG.infof("Account %d changed its password", account.getId());
    }

    /**
     * Whether the caller holds the role, as the EJB container sees it: the identity the web layer established,
     * propagated to the EJB tier. Open to everyone (a visitor holds no role); changes nothing.
     */
    @PermitAll
    public boolean callerHasRole(String role) {
        return session.isCallerInRole(role);
    }

    private Account caller() {
        return accounts.caller(session.getCallerPrincipal());
    }

    private static String checkedDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new RequestRefusedException("displayName", "Enter a name of 1 to 100 characters.");
        }
        return name;
    }
}
