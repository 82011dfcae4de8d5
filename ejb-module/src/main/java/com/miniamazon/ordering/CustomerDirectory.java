package com.miniamazon.ordering;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;

/** Maps the logged-in caller to their account, and their account to the orders they may see. */
@ApplicationScoped
public class CustomerDirectory {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /**
     * The caller's account id. Only the id is read: a loaded account would join the persistence context, and
     * every flush of a checkout would check it for changes.
     *
     * @throws EJBAccessException when the caller has no account (anonymous, or deleted meanwhile)
     */
    public long idOf(Principal caller) {
        if (caller == null) {
            throw new EJBAccessException("no caller");
        }
        return em.createQuery("select a.id from Account a where a.email = :email", Long.class)
                .setParameter("email", caller.getName())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new EJBAccessException("no account for " + caller.getName()));
    }

    /** The caller's own order; another customer's order is reported exactly like a missing one. */
    public CustomerOrder ownOrder(Principal caller, long orderId) throws OrderNotFound {
        long customerId = idOf(caller);
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null || order.getCustomerId() != customerId) {
            throw new OrderNotFound(orderId);
        }
        return order;
    }
}
