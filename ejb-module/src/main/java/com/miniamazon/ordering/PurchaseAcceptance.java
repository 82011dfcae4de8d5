package com.miniamazon.ordering;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The backend's side of the purchase acknowledgement: confirms that an order is recorded with its fulfilment
 * commands and answers the waiting checkout. Idempotent: a redelivered request is answered again and keeps the
 * first acceptance time.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class PurchaseAcceptance {

    private static final Logger LOG = Logger.getLogger(PurchaseAcceptance.class);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private PurchaseMessaging messaging;

    /**
     * Marks the order accepted and answers under the request's correlation id, in one transaction.
     *
     * @throws IllegalStateException when the order does not exist, which cannot happen for a request sent in the
     *     order's own transaction; the message is then redelivered and finally dead-lettered, never lost
     */
    public void accept(long orderId, String correlationId) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null) {
            throw new IllegalStateException("purchase request for unknown order " + orderId + " (correlation " + correlationId + ")");
        }
        order.markAccepted(Instant.now());
        messaging.acknowledge(orderId, correlationId);
        LOG.infof("order=%d accepted over JMS, correlation=%s", orderId, correlationId);
    }
}
