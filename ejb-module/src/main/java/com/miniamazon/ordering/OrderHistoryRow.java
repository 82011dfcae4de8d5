package com.miniamazon.ordering;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One order in the history page's list; searchable through {@link OrderHistoryService}. */
public record OrderHistoryRow(long id, OrderStatus status, Instant placedAt, BigDecimal total, int itemCount,
        String firstProductName, int productCount, Long trackingNumber) implements Serializable {

    /** When it was placed, for people: "25 Nov 2026, 22:50 UTC". */
    public String placedAtText() {
        return OrderDetail.WHEN.format(placedAt);
    }

    public String statusLabel() {
        return status.label();
    }

    /** "Espresso Machine and 2 more" */
    public String description() {
        return productCount <= 1 ? firstProductName : firstProductName + " and " + (productCount - 1) + " more";
    }
}
