package com.miniamazon.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One of a seller's own listings, as their listings table shows it. */
public record ListingRow(long id, String name, String categoryName, BigDecimal price, boolean active,
        int ratingCount, int ratingTotal, Instant updatedAt) implements Serializable {

    public double averageRating() {
        return Ratings.average(ratingCount, ratingTotal);
    }
}
