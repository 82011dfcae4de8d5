package com.miniamazon.accounts;

import com.miniamazon.infrastructure.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.Optional;

/** Reads and stores accounts; runs in the caller's transaction. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    public Optional<Account> findByEmail(String email) {
        return em.createQuery("select a from Account a where a.email = :email", Account.class)
                .setParameter("email", Account.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    /** The account, locked for update, so concurrent logins count failures correctly. */
    public Optional<Account> findByEmailForUpdate(String email) {
        return em.createQuery("select a from Account a where a.email = :email", Account.class)
                .setParameter("email", Account.normalizeEmail(email))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * The account of the logged-in caller, as the container passed it to the EJB. The principal's name is the
     * account's email (see {@link AccountIdentityStore}).
     *
     * @throws NotFoundException when the account has gone (deleted while its session lived)
     */
    public Account caller(Principal principal) {
        if (principal == null) {
            throw new NotFoundException("nobody is logged in");
        }
        return findByEmail(principal.getName())
                .orElseThrow(() -> new NotFoundException("no account for the logged-in caller"));
    }

    public Account find(long id) {
        return em.find(Account.class, id);
    }

    public void add(Account account) {
        em.persist(account);
    }
}
