package com.miniamazon.web.api;

import com.miniamazon.ordering.OrderDetail;
import com.miniamazon.ordering.OrderHistoryRow;
import com.miniamazon.ordering.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The API's view of orders, kept apart from the pages' read models so that either can change without breaking
 * the other's clients.
 */
public final class OrderResponses {

    private OrderResponses() {}

    /** One order in full. */
    public record Order(long orderId, OrderStatus status, String statusLabel, Long trackingNumber, BigDecimal total,
            Instant placedAt, Point destination, Point requestedDestination, boolean destinationChangeable,
            String upsAccount, boolean attentionNeeded, List<Line> lines, List<Step> timeline, List<Shipment> shipments) {

        static Order of(OrderDetail detail) {
            return new Order(detail.id(), detail.status(), detail.statusLabel(), detail.trackingNumber(), detail.total(),
                    detail.placedAt(), new Point(detail.destinationX(), detail.destinationY()),
                    detail.requestedX() == null ? null : new Point(detail.requestedX(), detail.requestedY()),
                    detail.destinationChangeable(), detail.upsAccount(), detail.attentionNeeded(),
                    detail.lines().stream().map(l -> new Line(l.productId(), l.productName(), l.unitPrice(), l.quantity())).toList(),
                    detail.timeline().stream().map(t -> new Step(t.status(), t.label(), t.note(), t.at())).toList(),
                    detail.shipments().stream().map(s -> new Shipment(s.trackingNumber(), s.warehouseId(), s.warehouseName(),
                            new Point(s.warehouseX(), s.warehouseY()), s.truckId())).toList());
        }
    }

    /** One row of the order list. */
    public record Row(long orderId, OrderStatus status, String statusLabel, Long trackingNumber, BigDecimal total,
            Instant placedAt, String description) {

        static Row of(OrderHistoryRow row) {
            return new Row(row.id(), row.status(), row.statusLabel(), row.trackingNumber(), row.total(), row.placedAt(),
                    row.description());
        }
    }

    /** A point on the grid. */
    public record Point(int x, int y) {}

    /** An ordered product. */
    public record Line(long productId, String productName, BigDecimal unitPrice, int quantity) {}

    /** A state the order entered, or an event within it. */
    public record Step(OrderStatus status, String label, String note, Instant at) {}

    /** A package: its tracking number, the warehouse it leaves from, the truck once one came. */
    public record Shipment(long trackingNumber, int warehouseId, String warehouseName, Point warehouse, Integer truckId) {}
}
