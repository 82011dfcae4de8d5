package com.miniamazon.ordering;

import com.miniamazon.accounts.GridCoordinates;
import com.miniamazon.accounts.Roles;
import com.miniamazon.catalog.Product;
import com.miniamazon.infrastructure.NativeSql;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns a customer's cart into an order. Placing an order is one transaction: the order, its lines, its
 * shipment with claimed stock and the commands for the world and UPS (outbox rows) commit together or not at
 * all; once it has committed, the JMS request for the backend's acknowledgement goes out (see
 * {@link PurchaseMessaging}). The caller is the customer: nobody can order in someone else's name.
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
@RunAs(Roles.SYSTEM) // fulfilment, called inside the checkout's transaction, is reserved to the store itself
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    /** Limits that keep one order within what a warehouse and a page can handle. */
    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 99;

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private Event<OrderPlaced> orderPlaced;

    @Inject
    private Event<PurchaseMessaging.AcceptanceWanted> acceptanceWanted;

    @Inject
    private AcknowledgementWaiters waiters;

    @Inject
    private CustomerDirectory customers;

    @Inject
    private CheckoutAdmission admission;

    @EJB
    private OrderMetrics metrics;

    @Inject
    @ConfigProperty(name = "miniamazon.purchase.ack-timeout-ms", defaultValue = "5000")
    private long acknowledgementTimeoutMs;

    private final Clock clock = Clock.systemUTC();

    /**
     * Places the order, or finds the one already placed with the same idempotency key.
     *
     * <p>Idempotent per (customer, idempotency key): checkouts with the same key are serialised on a lock of that
     * pair, so two submissions of the same checkout, even at the same instant, give one order, while one
     * customer's different checkouts (two browser tabs, an API client) go on side by side.
     *
     * @throws CheckoutRejected when the cart or the destination is not acceptable (empty cart, unknown or
     *     delisted product, quantity or coordinates out of range); nothing is recorded
     * @throws CheckoutBusy when the store was too busy to start the checkout in time (see {@link CheckoutAdmission});
     *     nothing is recorded
     */
    public OrderReceipt placeOrder(PlaceOrderCommand command) throws CheckoutRejected {
        // The container has begun the transaction, but nothing holds a connection or a lock while this waits.
        try (CheckoutAdmission.Turn turn = admission.enter()) {
            return place(command);
        }
    }

    private OrderReceipt place(PlaceOrderCommand command) throws CheckoutRejected {
        long customerId = customers.idOf(session.getCallerPrincipal());
        lockIdempotencyKey(customerId, command.idempotencyKey());
        CustomerOrder existing = em.createQuery(
                        "select o from CustomerOrder o where o.customerId = :customer and o.idempotencyKey = :key",
                        CustomerOrder.class)
                .setParameter("customer", customerId)
                .setParameter("key", command.idempotencyKey())
                .getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return receipt(existing, true);
        }
        validate(command);
        long started = System.nanoTime();

        CustomerOrder order = new CustomerOrder(customerId, command.idempotencyKey(), command.destination(),
                command.upsAccount(), clock.instant());
        for (PlaceOrderCommand.Item item : command.items()) {
            Product product = em.find(Product.class, item.productId());
            if (product == null || !product.isActive()) {
                throw new CheckoutRejected("Product " + item.productId() + " is no longer for sale.");
            }
            order.addLine(product.getId(), product.getName(), product.getPrice(), item.quantity());
        }
        em.persist(order);
        em.flush(); // the order needs its id before fulfilment and the acknowledgement request refer to it
        orderPlaced.fire(new OrderPlaced(order.getId()));
        acceptanceWanted.fire(new PurchaseMessaging.AcceptanceWanted(order.getId(), command.idempotencyKey()));
        LOG.infof("order=%d placed by customer=%d: %d line(s), total %s, destination %s, correlation %s",
                order.getId(), customerId, order.getLines().size(), order.getTotal(), order.getDestination(),
                command.idempotencyKey());
        metrics.placed(Duration.ofNanos(System.nanoTime() - started));
        return receipt(order, false);
    }

    /**
     * Takes a transaction-scoped PostgreSQL advisory lock on the pair (customer, key), released by the commit or
     * rollback. It replaced a lock on the customer's account row, which also serialised a customer's unrelated
     * checkouts and was the database's most waited-on lock under load (bench/fulfilment). Two pairs whose 64-bit
     * hashes collide merely wait for each other.
     */
    private void lockIdempotencyKey(long customerId, UUID idempotencyKey) {
        NativeSql.withoutFlush(em, "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, ?2))) locked")
                .setParameter(1, idempotencyKey.toString())
                .setParameter(2, customerId)
                .getSingleResult();
    }

    private OrderReceipt receipt(CustomerOrder order, boolean alreadyPlaced) {
        // The shipment belongs to fulfilment; only its id, the tracking number, is read here.
        List<?> shipmentIds = em.createNativeQuery("select id from shipment where order_id = ?1 order by id")
                .setParameter(1, order.getId())
                .getResultList();
        Long trackingNumber = shipmentIds.isEmpty() ? null : ((Number) shipmentIds.get(0)).longValue();
        return new OrderReceipt(order.getId(), trackingNumber, order.getTotal(), alreadyPlaced);
    }

    /**
     * Waits, at most the configured time (5 s by default), for the backend's acknowledgement of a placed order.
     * Runs outside any transaction. An order already acknowledged answers at once.
     *
     * @throws OrderNotFound when the order is not the caller's
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PurchaseAcknowledgement awaitAcknowledgement(long orderId) throws OrderNotFound {
        CustomerOrder order = customers.ownOrder(session.getCallerPrincipal(), orderId);
        boolean answered = order.getAcceptedAt() != null
                || waiters.await(orderId, Duration.ofMillis(acknowledgementTimeoutMs), () -> isAccepted(orderId));
        if (!answered) {
            LOG.infof("order=%d not acknowledged within %d ms; the customer is told it is being processed",
                    orderId, acknowledgementTimeoutMs);
        }
        PurchaseAcknowledgement outcome = answered ? PurchaseAcknowledgement.CONFIRMED : PurchaseAcknowledgement.RECEIVED_PROCESSING;
        metrics.acknowledgement(outcome);
        return outcome;
    }

    /** Whether the backend has accepted the order, read afresh (the acceptance commits before its answer is sent). */
    private boolean isAccepted(long orderId) {
        return !em.createNativeQuery("select 1 from customer_order where id = ?1 and accepted_at is not null")
                .setParameter(1, orderId)
                .getResultList().isEmpty();
    }

    private void validate(PlaceOrderCommand command) throws CheckoutRejected {
        if (command.items().isEmpty()) {
            throw new CheckoutRejected("Your cart is empty.");
        }
        if (command.items().size() > MAX_LINES) {
            throw new CheckoutRejected("An order can hold at most " + MAX_LINES + " different products.");
        }
        Set<Long> seen = new HashSet<>();
        for (PlaceOrderCommand.Item item : command.items()) {
            if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                throw new CheckoutRejected("Quantities must be between 1 and " + MAX_QUANTITY + ".");
            }
            if (!seen.add(item.productId())) {
                throw new CheckoutRejected("Product " + item.productId() + " appears twice.");
            }
        }
        if (Math.abs((long) command.destination().x()) > GridCoordinates.LIMIT
                || Math.abs((long) command.destination().y()) > GridCoordinates.LIMIT) {
            throw new CheckoutRejected("Coordinates must lie between -" + GridCoordinates.LIMIT + " and " + GridCoordinates.LIMIT + ".");
        }
        if (command.upsAccount() != null && !command.upsAccount().matches("[A-Za-z0-9._-]{1,64}")) {
            throw new CheckoutRejected("A UPS account name has 1 to 64 letters, digits, dots, dashes or underscores.");
        }
    }
}
