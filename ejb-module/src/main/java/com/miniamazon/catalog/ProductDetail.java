package com.miniamazon.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** Everything the product page shows about one product on sale. */
public record ProductDetail(
        long id, String name, String description, BigDecimal price, CategoryView category, long sellerId,
        String sellerName, int ratingCount, int ratingTotal, Instant updatedAt) implements Serializable {

    public double averageRating() {
        return Ratings.average(ratingCount, ratingTotal);
    }
}
