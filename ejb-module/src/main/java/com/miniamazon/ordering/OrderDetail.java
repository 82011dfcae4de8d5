package com.miniamazon.ordering;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;

/**
 * Everything the customer sees of one order: lines, the timeline of states, the shipments with their warehouse
 * and truck, the destination (and a change asked for but not yet settled by UPS), whether it may still change,
 * and whether the store's staff are looking into it ({@code attentionNeeded}; the reason stays internal).
 */
public record OrderDetail(long id, OrderStatus status, Instant placedAt, BigDecimal total, int destinationX,
        int destinationY, Integer requestedX, Integer requestedY, String upsAccount, boolean attentionNeeded,
        boolean destinationChangeable, List<Line> lines, List<TimelineEntry> timeline, List<ShipmentView> shipments)
        implements Serializable {

    /** How times are shown to customers. */
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public OrderDetail {
        lines = List.copyOf(lines);
        timeline = List.copyOf(timeline);
        shipments = List.copyOf(shipments);
    }

    public String statusLabel() {
        return status.label();
    }

    public String placedAtText() {
        return WHEN.format(placedAt);
    }

    public boolean isFinished() {
        return status.isTerminal();
    }

    public boolean hasPendingDestinationChange() {
        return requestedX != null;
    }

    /** The tracking number customers quote: the first shipment's id (the world's shipid). */
    public Long trackingNumber() {
        return shipments.isEmpty() ? null : shipments.get(0).trackingNumber();
    }

    /** An ordered product. */
    public record Line(long productId, String productName, BigDecimal unitPrice, int quantity) implements Serializable {
        public BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** A state the order entered, or an event on its way, with when. */
    public record TimelineEntry(OrderStatus status, String note, Instant at) implements Serializable {
        public String label() {
            return status.label();
        }

        public String when() {
            return WHEN.format(at);
        }
    }

    /**
     * A package on its way: tracking number (shipid), the warehouse it leaves from, and the truck once UPS
     * assigned one. Where the truck is drawn follows from the order's state (the store learns no positions).
     */
    public record ShipmentView(long trackingNumber, int warehouseId, String warehouseName, int warehouseX,
            int warehouseY, Integer truckId, boolean truckArrived, boolean loaded) implements Serializable {}
}
