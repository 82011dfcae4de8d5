package com.miniamazon.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Browsing the catalog; open to everyone, including visitors who are not logged in. */
@Stateless
@PermitAll
public class CatalogService {

    @Inject
    private ProductRepository products;

    /**
     * One page of the products on sale, in a stable order.
     *
     * @param first index of the first product (0-based)
     * @param max   page size, at most 100
     */
    public List<ProductSummary> listProducts(int first, int max) {
        if (first < 0 || max <= 0 || max > 100) {
            throw new IllegalArgumentException("bad page: first=" + first + ", max=" + max);
        }
        return products.findActiveSummaries(first, max);
    }

    /** How many products are on sale. */
    public long countProducts() {
        return products.countActive();
    }
}
