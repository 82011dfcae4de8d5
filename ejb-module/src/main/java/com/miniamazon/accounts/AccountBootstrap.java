package com.miniamazon.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives the seeded administrator and default seller their passwords at start-up, from configuration
 * ({@code miniamazon.admin.password}, {@code miniamazon.seller.password}; set by wildfly-config from the
 * environment). Configuration wins: a configured password replaces a different stored one. An administrator
 * without a configured password gets a generated one, written to the server log once, when it is created.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    public static final String ADMIN_EMAIL = "admin@mini-amazon.local";
    public static final String DEFAULT_SELLER_EMAIL = "seller@mini-amazon.local";

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "miniamazon.admin.password")
    private Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "miniamazon.seller.password")
    private Optional<String> sellerPassword;

    @PostConstruct
    void applyConfiguredPasswords() {
        accounts.findByEmail(ADMIN_EMAIL).ifPresentOrElse(admin -> {
            if (adminPassword.isPresent()) {
                applyIfDifferent(admin, adminPassword.get());
            } else if (!admin.canLogIn()) {
                String generated = generatePassword();
                admin.changePasswordHash(hasher.hash(generated.toCharArray()), Instant.now());
                // Printed once, on purpose: the operator needs it and nothing else knows it.
                LOG.warnf("No miniamazon.admin.password configured (environment MINIAMAZON_ADMIN_PASSWORD): the "
                        + "administrator %s was given the generated password %s", ADMIN_EMAIL, generated);
            }
        }, () -> LOG.errorf("The administrator account %s is missing; the admin pages cannot be used", ADMIN_EMAIL));
        sellerPassword.ifPresent(password -> accounts.findByEmail(DEFAULT_SELLER_EMAIL)
                .ifPresent(seller -> applyIfDifferent(seller, password)));
    }

    private void applyIfDifferent(Account account, String password) {
        if (PasswordPolicy.problemWith(password.toCharArray(), null).isPresent()) {
            LOG.warnf("The configured password of %s breaks the password rules; it is used all the same",
                    account.getEmail());
        }
        if (!hasher.matches(password.toCharArray(), account.getPasswordHash())) {
            account.changePasswordHash(hasher.hash(password.toCharArray()), Instant.now());
            LOG.infof("Password of %s set from configuration", account.getEmail());
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
