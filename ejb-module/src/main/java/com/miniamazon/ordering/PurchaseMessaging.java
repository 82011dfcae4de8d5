package com.miniamazon.ordering;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The JMS conversation that confirms a purchase. Once the checkout's transaction has committed, a request goes
 * to the purchase request queue; the backend accepts the order and, once that has committed, answers on the
 * acknowledgement queue; {@link PurchaseAcknowledgementListener} wakes the checkout page waiting for that answer
 * for a bounded time ({@link AcknowledgementWaiters}).
 *
 * <p>The request is sent after the commit, not inside the checkout's transaction: enlisting the broker made every
 * checkout a two-phase commit, with two more forced log writes while the order's stock rows stayed locked, which
 * serialised concurrent checkouts of the same products (bench/fulfilment). A request lost to a crash between the
 * commit and the send is sent again by {@link UnacceptedOrders}; acceptance is idempotent.
 *
 * <p>Both messages are non-persistent. They are wake-ups, not records: the order row says whether an order is
 * accepted, a waiting checkout reads it when its wait ends, and the timer asks again for any order still
 * unaccepted. Persistent requests cost a journal write on sending and another on receiving, in the customer's
 * wait, to keep a message that the store can do without.
 */
@ApplicationScoped
public class PurchaseMessaging {

    private static final Logger LOG = Logger.getLogger(PurchaseMessaging.class);

    /** An unread acknowledgement is worthless after the page stopped waiting; it expires rather than piles up. */
    static final long ACKNOWLEDGEMENT_TIME_TO_LIVE_MS = 60_000;

    /** An acknowledgement's body: this, then the order id. */
    static final String ACCEPTED_PREFIX = "accepted:";

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
        send("acceptance request", orderId, correlationId.toString(), "it is sent again within a minute",
                producer -> producer.send(requests, Map.<String, Object>of("orderId", orderId)));
    }

    /**
     * Answers a request whose acceptance has committed, outside any transaction. A lost answer only makes the
     * checkout wait its full time, after which it reads the acceptance from the database.
     */
    void acknowledge(long orderId, String correlationId) {
        send("acknowledgement", orderId, correlationId, "the checkout reads the acceptance when its wait ends",
                producer -> producer.setTimeToLive(ACKNOWLEDGEMENT_TIME_TO_LIVE_MS)
                        .send(acknowledgements, ACCEPTED_PREFIX + orderId));
    }

    /** Sends one non-persistent message about an order; a refusal is logged with what makes up for it. */
    private void send(String what, long orderId, String correlationId, String recovery, Consumer<JMSProducer> sending) {
        try (JMSContext context = pooledFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            sending.accept(context.createProducer()
                    .setJMSCorrelationID(correlationId)
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT));
        } catch (RuntimeException e) {
            LOG.warnf("order=%d: %s not sent (%s), correlation=%s; %s", orderId, what, e, correlationId, recovery);
        }
    }

    /** A placed order wants the backend's acceptance, under this correlation id. */
    record AcceptanceWanted(long orderId, UUID correlationId) {}
}
