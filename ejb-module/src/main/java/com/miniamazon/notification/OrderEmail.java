package com.miniamazon.notification;

import com.miniamazon.ordering.OrderStatus;
import java.util.Optional;

/**
 * The words of the emails a customer gets about an order: when it ships (leaves on the truck, out for
 * delivery) and when it is delivered. Other states send nothing.
 */
public record OrderEmail(String subject, String body) {

    /** The email for an order entering {@code status}, if that state is announced. */
    public static Optional<OrderEmail> about(OrderStatus status, long orderId, Long trackingNumber, String customerName,
            int x, int y, String shopUrl) {
        String tracking = trackingNumber == null ? "" : "Tracking number: " + trackingNumber + "\n";
        String link = shopUrl + "orders/order.xhtml?id=" + orderId;
        return switch (status) {
            case DELIVERING -> Optional.of(new OrderEmail(
                    "Your Mini-Amazon order " + orderId + " has shipped",
                    "Hello " + customerName + ",\n\nyour order " + orderId + " is on the truck and on its way to ("
                            + x + ", " + y + ").\n" + tracking + "\nFollow it here: " + link
                            + "\n\nThank you for shopping with Mini-Amazon.\n"));
            case DELIVERED -> Optional.of(new OrderEmail(
                    "Your Mini-Amazon order " + orderId + " was delivered",
                    "Hello " + customerName + ",\n\nyour order " + orderId + " was delivered to (" + x + ", " + y
                            + ").\n" + tracking + "\nTell other customers what you think: " + link
                            + "\n\nThank you for shopping with Mini-Amazon.\n"));
            default -> Optional.empty();
        };
    }
}
