package com.miniamazon.ordering;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.Map;
import java.util.UUID;

/**
 * The JMS conversation that confirms a purchase: checkout sends a request in its own transaction (so it exists
 * only if the order does), the backend answers on the acknowledgement queue under the same correlation id, and
 * {@link PurchaseAcknowledgementListener} wakes the checkout page waiting for that answer for a bounded time
 * ({@link AcknowledgementWaiters}).
 */
@ApplicationScoped
public class PurchaseMessaging {

    /** An unread acknowledgement is worthless after the page stopped waiting; it expires rather than piles up. */
    static final long ACKNOWLEDGEMENT_TIME_TO_LIVE_MS = 60_000;

    /** An acknowledgement's body: this, then the order id. */
    static final String ACCEPTED_PREFIX = "accepted:";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext transactedContext;

    @Resource(lookup = "java:/jms/queue/PurchaseRequests")
    private Queue requests;

    @Resource(lookup = "java:/jms/queue/PurchaseAcknowledgements")
    private Queue acknowledgements;

    /** Sends the request for acceptance as part of the caller's transaction (sent only if it commits). */
    public void requestAcceptance(long orderId, UUID correlationId) {
        transactedContext.createProducer()
                .setJMSCorrelationID(correlationId.toString())
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(requests, Map.<String, Object>of("orderId", orderId));
    }

    /** Answers a request, as part of the caller's transaction. */
    public void acknowledge(long orderId, String correlationId) {
        transactedContext.createProducer()
                .setJMSCorrelationID(correlationId)
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(ACKNOWLEDGEMENT_TIME_TO_LIVE_MS)
                .send(acknowledgements, ACCEPTED_PREFIX + orderId);
    }
}
