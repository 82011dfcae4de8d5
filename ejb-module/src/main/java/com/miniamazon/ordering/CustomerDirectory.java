package com.miniamazon.ordering;

import com.miniamazon.accounts.Account;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;

/** Maps the logged-in caller to their account, and their account to the orders they may see. */
@ApplicationScoped
public class CustomerDirectory {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /**
     * The caller's account id, locking the account row when asked (which serialises one customer's checkouts).
     *
     * @throws EJBAccessException when the caller has no account (anonymous, or deleted meanwhile)
     */
    public long idOf(Principal caller, LockModeType lock) {
        if (caller == null) {
            throw new EJBAccessException("no caller");
        }
        return em.createQuery("select a from Account a where a.email = :email", Account.class)
                .setParameter("email", caller.getName())
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .map(Account::getId)
                .orElseThrow(() -> new EJBAccessException("no account for " + caller.getName()));
    }

    /** The caller's own order; another customer's order is reported exactly like a missing one. */
    public CustomerOrder ownOrder(Principal caller, long orderId) throws OrderNotFound {
        long customerId = idOf(caller, LockModeType.NONE);
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null || order.getCustomerId() != customerId) {
            throw new OrderNotFound(orderId);
        }
        return order;
    }
}
