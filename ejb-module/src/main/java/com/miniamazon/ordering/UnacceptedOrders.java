package com.miniamazon.ordering;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every half minute, asks again for the acceptance of orders placed more than a minute ago and still not
 * accepted: their request, sent after the checkout committed, was lost with a server that stopped in between,
 * with a broker that refused it or restarted (requests are non-persistent), or with an acceptance that failed.
 * Acceptance is idempotent, so a request that was merely slow costs one more answer nobody waits for.
 *
 * <p>{@code @PermitAll}: the timer has no caller; it only sends requests the checkout would have sent.
 */
@Singleton
@PermitAll
public class UnacceptedOrders {

    private static final Logger LOG = Logger.getLogger(UnacceptedOrders.class);

    /** At most this many requests per round; any others go in the next ones. */
    static final int BATCH = 500;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private PurchaseMessaging messaging;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false, info = "unaccepted orders")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each request is sent on its own, at once
    void askAgain() {
        @SuppressWarnings("unchecked")
        List<Object[]> unaccepted = em.createNativeQuery("""
                        select id, idempotency_key from customer_order
                        where accepted_at is null and placed_at < now() - interval '1 minute'
                        order by placed_at limit ?1""")
                .setParameter(1, BATCH)
                .getResultList();
        for (Object[] order : unaccepted) {
            messaging.requestAcceptance(((Number) order[0]).longValue(), (UUID) order[1]);
        }
        if (!unaccepted.isEmpty()) {
            LOG.warnf("Asked again for the acceptance of %d order(s) placed more than a minute ago", unaccepted.size());
        }
    }
}
