package com.miniamazon.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of a seller's own listings, as their listings table shows it: with units sold and revenue (orders not
 * failed or cancelled) and the units available in all warehouses.
 */
public record ListingRow(long id, String name, String categoryName, BigDecimal price, boolean active,
        int ratingCount, int ratingTotal, Instant updatedAt, long unitsSold, BigDecimal revenue, long inStock)
        implements Serializable {

    public double averageRating() {
        return Ratings.average(ratingCount, ratingTotal);
    }
}
