package com.miniamazon.ordering;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The backend's side of the purchase acknowledgement: confirms that an order is recorded with its fulfilment
 * commands. Idempotent: a request sent again is accepted again and keeps the first acceptance time. The answer to
 * the waiting checkout goes out once this has committed ({@link PurchaseRequestListener}).
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class PurchaseAcceptance {

    private static final Logger LOG = Logger.getLogger(PurchaseAcceptance.class);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /**
     * Marks the order accepted.
     *
     * <p>The acceptance time is set by one SQL update that leaves the order's version alone: acceptance races
     * with fulfilment, which changes the same order while it holds the shipment's lock, and a version bump here
     * made one of the two fail with an optimistic-lock error (a redelivered request, or a report the peer had to
     * send again). Only this update writes the column; the entity maps it read-only.
     *
     * @throws IllegalStateException when the order does not exist, which cannot happen for a request sent only
     *     after the order committed
     */
    public void accept(long orderId, String correlationId) {
        int found = em.createNativeQuery("""
                        update customer_order set accepted_at = coalesce(accepted_at, ?1)
                        where id = ?2""")
                .setParameter(1, Instant.now())
                .setParameter(2, orderId)
                .executeUpdate();
        if (found == 0) {
            throw new IllegalStateException("purchase request for unknown order " + orderId + " (correlation " + correlationId + ")");
        }
        LOG.infof("order=%d accepted over JMS, correlation=%s", orderId, correlationId);
    }
}
