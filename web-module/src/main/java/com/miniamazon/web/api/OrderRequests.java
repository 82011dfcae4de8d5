package com.miniamazon.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The bodies clients send to the order endpoints. */
public final class OrderRequests {

    private OrderRequests() {}

    /**
     * Place an order. The idempotency key is the client's: sending the same request again (after a timeout, say)
     * returns the order the first one made.
     */
    public record PlaceOrder(
            // Text checked here rather than bound as a UUID: the JSON binding's answer to a malformed UUID names no
            // field, so the client learnt only that the body was unreadable.
            @NotNull(message = "is required")
                    @Pattern(regexp = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
                            message = "must be a UUID, such as 123e4567-e89b-12d3-a456-426614174000")
                    String idempotencyKey,
            @NotEmpty(message = "must name at least one product") @Size(max = 50, message = "may hold at most 50 products")
                    List<@Valid @NotNull(message = "is required") Item> items,
            @NotNull(message = "is required") @Valid Destination destination,
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, dots, dashes or underscores")
                    String upsAccount) {

        /** The validated key as a UUID. */
        public UUID idempotencyUuid() {
            return UUID.fromString(idempotencyKey);
        }
    }

    /** A product and how many of it. */
    public record Item(
            @NotNull(message = "is required") Long productId,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                    @Max(value = 99, message = "must be at most 99") Integer quantity) {}

    /** A point on the world's grid. */
    public record Destination(
            @NotNull(message = "is required") @Min(value = -10_000, message = "must be at least -10000")
                    @Max(value = 10_000, message = "must be at most 10000") Integer x,
            @NotNull(message = "is required") @Min(value = -10_000, message = "must be at least -10000")
                    @Max(value = 10_000, message = "must be at most 10000") Integer y) {}
}
