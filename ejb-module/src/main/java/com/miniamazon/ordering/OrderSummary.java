package com.miniamazon.ordering;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of a customer's order history. */
public record OrderSummary(long id, OrderStatus status, Long trackingNumber, BigDecimal total, int items,
        String firstProductName, Instant placedAt, Instant statusChangedAt) implements Serializable {

    public String statusLabel() {
        return status.label();
    }
}
