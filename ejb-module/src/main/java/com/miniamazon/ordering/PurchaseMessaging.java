package com.miniamazon.ordering;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * The JMS conversation that confirms a purchase. Once the checkout's transaction has committed, a request goes
 * to the purchase request queue; the backend accepts the order and answers on the acknowledgement queue in one
 * transaction; {@link PurchaseAcknowledgementListener} wakes the checkout page waiting for that answer for a
 * bounded time ({@link AcknowledgementWaiters}).
 *
 * <p>The request is sent after the commit, not inside the checkout's transaction: enlisting the broker made every
 * checkout a two-phase commit, with two more forced log writes while the order's stock rows stayed locked, which
 * serialised concurrent checkouts of the same products (bench/fulfilment). A request lost to a crash between the
 * commit and the send is sent again by {@link UnacceptedOrders}; acceptance is idempotent.
 */
@ApplicationScoped
public class PurchaseMessaging {

    private static final Logger LOG = Logger.getLogger(PurchaseMessaging.class);

    /** An unread acknowledgement is worthless after the page stopped waiting; it expires rather than piles up. */
    static final long ACKNOWLEDGEMENT_TIME_TO_LIVE_MS = 60_000;

    /** An acknowledgement's body: this, then the order id. */
    static final String ACCEPTED_PREFIX = "accepted:";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext transactedContext;

    @Resource(lookup = "java:/JmsXA")
    private ConnectionFactory pooledFactory;

    @Resource(lookup = "java:/jms/queue/PurchaseRequests")
    private Queue requests;

    @Resource(lookup = "java:/jms/queue/PurchaseAcknowledgements")
    private Queue acknowledgements;

    @Resource
    private ManagedExecutorService executor;

    /** Sends the request for acceptance once the placing transaction has committed (never if it rolls back). */
    void onPlaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) AcceptanceWanted wanted) {
        try {
            executor.execute(() -> requestAcceptance(wanted.orderId(), wanted.correlationId()));
        } catch (RejectedExecutionException e) {
            LOG.warnf("order=%d: acceptance request not sent now (%s); it is sent again within a minute", wanted.orderId(), e);
        }
    }

    /** Sends the request for acceptance at once, outside any transaction. */
    void requestAcceptance(long orderId, UUID correlationId) {
        try (JMSContext context = pooledFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            context.createProducer()
                    .setJMSCorrelationID(correlationId.toString())
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(requests, Map.<String, Object>of("orderId", orderId));
        } catch (RuntimeException e) {
            LOG.warnf("order=%d: acceptance request not sent (%s); it is sent again within a minute", orderId, e);
        }
    }

    /** Answers a request, as part of the caller's transaction. */
    public void acknowledge(long orderId, String correlationId) {
        transactedContext.createProducer()
                .setJMSCorrelationID(correlationId)
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(ACKNOWLEDGEMENT_TIME_TO_LIVE_MS)
                .send(acknowledgements, ACCEPTED_PREFIX + orderId);
    }

    /** A placed order wants the backend's acceptance, under this correlation id. */
    record AcceptanceWanted(long orderId, UUID correlationId) {}
}
