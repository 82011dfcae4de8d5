package com.miniamazon.ordering;

import com.miniamazon.inventory.GridPoint;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything the customer sees of one of their orders: what, where, the state with its timeline, and where on
 * the grid the warehouse, the truck's last known stop and the destination are.
 *
 * @param trackingNumber       the shipid; null only in the instant before fulfilment creates the shipment
 * @param requestedDestination a destination change UPS has not answered yet, or null
 * @param truckId              the truck carrying it, once one came for it
 */
public record OrderDetails(long id, OrderStatus status, Long trackingNumber, BigDecimal total, Instant placedAt,
        Instant acceptedAt, GridPoint destination, GridPoint requestedDestination, boolean destinationChangeable,
        String upsAccount, Integer warehouseId, String warehouseName, GridPoint warehouseLocation, Integer truckId,
        List<Line> lines, List<TimelineEntry> timeline) implements Serializable {

    public String statusLabel() {
        return status.label();
    }

    /** One product of the order. */
    public record Line(long productId, String productName, BigDecimal unitPrice, int quantity, BigDecimal subtotal)
            implements Serializable {}

    /** One entry of the timeline: a state entered, or an event within a state. */
    public record TimelineEntry(OrderStatus status, String label, String note, Instant at) implements Serializable {}
}
