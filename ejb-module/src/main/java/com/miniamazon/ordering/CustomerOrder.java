package com.miniamazon.ordering;

import com.miniamazon.inventory.GridPoint;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's order: what was bought at which price, where it goes, and where it is in its life. Every change
 * of state goes through {@link #advanceTo}, which follows {@link OrderStatus} and writes the timeline.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private UUID idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private OrderStatus status;

    @Column(name = "destination_x", nullable = false)
    private int destinationX;

    @Column(name = "destination_y", nullable = false)
    private int destinationY;

    @Column(name = "requested_destination_x")
    private Integer requestedDestinationX;

    @Column(name = "requested_destination_y")
    private Integer requestedDestinationY;

    @Column(name = "ups_account", length = 64)
    private String upsAccount;

    @Column(name = "total", nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    /** Written only by {@link PurchaseAcceptance}'s own update, which does not touch the version. */
    @Column(name = "accepted_at", insertable = false, updatable = false)
    private Instant acceptedAt;

    @Column(name = "problem", length = 500)
    private String problem;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderStatusChange> timeline = new ArrayList<>();

    protected CustomerOrder() {}

    public CustomerOrder(long customerId, UUID idempotencyKey, GridPoint destination, String upsAccount, Instant placedAt) {
        this.customerId = customerId;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.destinationX = destination.x();
        this.destinationY = destination.y();
        this.upsAccount = upsAccount;
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
        this.status = OrderStatus.PLACED;
        this.statusChangedAt = placedAt;
        this.total = BigDecimal.ZERO;
        timeline.add(new OrderStatusChange(this, OrderStatus.PLACED, null, placedAt));
    }

    /** Adds a line at the given unit price and keeps the total in step. */
    public OrderLine addLine(long productId, String productName, BigDecimal unitPrice, int quantity) {
        if (status != OrderStatus.PLACED || id != null) {
            throw new IllegalStateException("lines are fixed once the order is placed");
        }
        OrderLine line = new OrderLine(this, lines.size() + 1, productId, productName, unitPrice, quantity);
        lines.add(line);
        total = total.add(line.getSubtotal());
        return line;
    }

    /**
     * Moves the order forward to {@code target}, through any states a late report skipped, and records each on
     * the timeline. A report of a state already reached or passed changes nothing.
     *
     * @return the states entered, in order; empty when nothing changed
     * @throws IllegalStateException when {@code target} can never follow the current state
     */
    public List<OrderStatus> advanceTo(OrderStatus target, String note, Instant at) {
        List<OrderStatus> path = status.pathTo(target);
        for (int i = 0; i < path.size(); i++) {
            OrderStatus entered = path.get(i);
            boolean last = i == path.size() - 1;
            timeline.add(new OrderStatusChange(this, entered, last ? note : "reported late", at));
            status = entered;
            statusChangedAt = at;
        }
        return path;
    }

    /** Adds an event to the timeline without changing the state (a truck arrived, a destination changed). */
    public void recordEvent(String note, Instant at) {
        timeline.add(new OrderStatusChange(this, status, note, at));
    }

    /** Flags the order for an administrator without changing its state. */
    public void reportProblem(String problem) {
        this.problem = problem == null ? null : problem.length() > 500 ? problem.substring(0, 500) : problem;
    }

    public void clearProblem() {
        this.problem = null;
    }

    /**
     * Remembers that the customer asked to deliver elsewhere; UPS decides.
     *
     * @throws IllegalStateException once the order is out for delivery or finished
     */
    public void requestDestination(GridPoint destination) {
        if (!acceptsDestinationChange()) {
            throw new IllegalStateException("order " + id + " is " + status.label().toLowerCase() + "; its destination can no longer change");
        }
        requestedDestinationX = destination.x();
        requestedDestinationY = destination.y();
    }

    /** UPS answered the pending destination change: applied when accepted, forgotten either way. */
    public void settleDestinationChange(boolean accepted, String reason, Instant at) {
        if (requestedDestinationX == null) {
            return; // a repeated answer
        }
        GridPoint requested = new GridPoint(requestedDestinationX, requestedDestinationY);
        if (accepted) {
            destinationX = requested.x();
            destinationY = requested.y();
        }
        requestedDestinationX = null;
        requestedDestinationY = null;
        recordEvent(accepted ? "Destination changed to " + requested
                        : "Destination change to " + requested + " refused" + (reason == null || reason.isBlank() ? "" : ": " + reason),
                at);
    }

    public boolean acceptsDestinationChange() {
        return status.ordinal() < OrderStatus.DELIVERING.ordinal();
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public UUID getIdempotencyKey() {
        return idempotencyKey;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public GridPoint getDestination() {
        return new GridPoint(destinationX, destinationY);
    }

    public GridPoint getRequestedDestination() {
        return requestedDestinationX == null ? null : new GridPoint(requestedDestinationX, requestedDestinationY);
    }

    public String getUpsAccount() {
        return upsAccount;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getProblem() {
        return problem;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public List<OrderStatusChange> getTimeline() {
        return Collections.unmodifiableList(timeline);
    }
}
