package com.miniamazon.ordering;

import com.miniamazon.inventory.GridPoint;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a customer asks for at checkout. The idempotency key is chosen once per checkout page: submitting the
 * same checkout twice (a double click, a reload, a retry after a timeout) finds the order already placed.
 *
 * @param upsAccount optional; a UPS user name the delivery is linked to
 */
public record PlaceOrderCommand(UUID idempotencyKey, List<Item> items, GridPoint destination, String upsAccount)
        implements Serializable {

    public PlaceOrderCommand {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(destination, "destination");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        upsAccount = upsAccount == null || upsAccount.isBlank() ? null : upsAccount.trim();
    }

    /** A product and how many of it. */
    public record Item(long productId, int quantity) implements Serializable {}
}
