package com.miniamazon.web.orders;

import com.miniamazon.ordering.OrderDetail;
import com.miniamazon.ordering.OrderStatus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The order's part of the world's grid as an SVG picture: where the package leaves from (warehouse), where it
 * goes (destination, and a requested new one), and the truck. The store learns no truck positions, so the truck
 * is drawn where the order's state puts it: at the warehouse once it arrived, half-way while out for delivery,
 * at the destination once delivered. Grid y grows upwards, SVG y downwards; {@link #sx}/{@link #sy} convert.
 */
public final class GridPicture implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int WIDTH = 480;
    public static final int HEIGHT = 320;
    private static final int MARGIN = 40;

    /** A labelled point in SVG coordinates. */
    public record Mark(String label, double x, double y, int gridX, int gridY) implements Serializable {}

    private final List<Mark> warehouses = new ArrayList<>();
    private final Mark destination;
    private final Mark requested;
    private final Mark truck;
    private final double minX;
    private final double minY;
    private final double scale;

    public GridPicture(OrderDetail order) {
        List<int[]> points = new ArrayList<>();
        points.add(new int[] {order.destinationX(), order.destinationY()});
        if (order.requestedX() != null) {
            points.add(new int[] {order.requestedX(), order.requestedY()});
        }
        order.shipments().forEach(s -> points.add(new int[] {s.warehouseX(), s.warehouseY()}));
        double lowX = points.stream().mapToInt(p -> p[0]).min().orElse(0);
        double highX = points.stream().mapToInt(p -> p[0]).max().orElse(0);
        double lowY = points.stream().mapToInt(p -> p[1]).min().orElse(0);
        double highY = points.stream().mapToInt(p -> p[1]).max().orElse(0);
        double spanX = Math.max(highX - lowX, 10);
        double spanY = Math.max(highY - lowY, 10);
        scale = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (HEIGHT - 2.0 * MARGIN) / spanY);
        minX = lowX - ((WIDTH - 2.0 * MARGIN) / scale - (highX - lowX)) / 2;
        minY = lowY - ((HEIGHT - 2.0 * MARGIN) / scale - (highY - lowY)) / 2;

        order.shipments().forEach(s -> warehouses.add(mark(s.warehouseName(), s.warehouseX(), s.warehouseY())));
        destination = mark("Destination", order.destinationX(), order.destinationY());
        requested = order.requestedX() == null ? null : mark("Requested", order.requestedX(), order.requestedY());
        truck = truckMark(order);
    }

    private Mark truckMark(OrderDetail order) {
        if (order.shipments().isEmpty()) {
            return null;
        }
        OrderDetail.ShipmentView shipment = order.shipments().get(0);
        if (shipment.truckId() == null) {
            return null;
        }
        String label = "Truck " + shipment.truckId();
        OrderStatus status = order.status();
        if (status == OrderStatus.DELIVERED) {
            return mark(label, order.destinationX(), order.destinationY());
        }
        if (status == OrderStatus.DELIVERING) {
            return mark(label, (shipment.warehouseX() + order.destinationX()) / 2,
                    (shipment.warehouseY() + order.destinationY()) / 2);
        }
        if (shipment.truckArrived() || shipment.loaded()) {
            return mark(label, shipment.warehouseX(), shipment.warehouseY());
        }
        return null; // on its way to the warehouse: position unknown, so not drawn
    }

    private Mark mark(String label, int gridX, int gridY) {
        return new Mark(label, sx(gridX), sy(gridY), gridX, gridY);
    }

    public double sx(double gridX) {
        return Math.round((MARGIN + (gridX - minX) * scale) * 10) / 10.0;
    }

    public double sy(double gridY) {
        return Math.round((HEIGHT - MARGIN - (gridY - minY) * scale) * 10) / 10.0;
    }

    public List<Mark> getWarehouses() {
        return warehouses;
    }

    public Mark getDestination() {
        return destination;
    }

    public Mark getRequested() {
        return requested;
    }

    public Mark getTruck() {
        return truck;
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }
}
