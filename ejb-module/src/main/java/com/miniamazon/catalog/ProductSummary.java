package com.miniamazon.catalog;

import java.io.Serializable;
import java.math.BigDecimal;

/** What a product list shows of one product: read-only, detached from the persistence context. */
public record ProductSummary(
        long id, String name, String description, BigDecimal price, String categoryName, String sellerName,
        int ratingCount, int ratingTotal) implements Serializable {

    /** Mean stars, one decimal; 0 when nobody has rated the product. */
    public double averageRating() {
        return Ratings.average(ratingCount, ratingTotal);
    }
}
