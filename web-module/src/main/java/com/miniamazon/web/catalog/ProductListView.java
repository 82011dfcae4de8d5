package com.miniamazon.web.catalog;

import com.miniamazon.catalog.CatalogService;
import com.miniamazon.catalog.ProductSummary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs the home page's product grid: pages through the catalog lazily, one page per request. Request-scoped, as
 * the page is a stateless view for visitors.
 */
@Named
@RequestScoped
public class ProductListView {

    @Inject
    private CatalogService catalog;

    private LazyDataModel<ProductSummary> products;
    private boolean signedOut;

    @PostConstruct
    void init() {
        products = new ProductPages();
    }

    public LazyDataModel<ProductSummary> getProducts() {
        return products;
    }

    /** Whether the visitor just signed out (the sign-out redirect says so), to confirm it. */
    public boolean isSignedOut() {
        return signedOut;
    }

    public void setSignedOut(boolean signedOut) {
        this.signedOut = signedOut;
    }

    private final class ProductPages extends LazyDataModel<ProductSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(catalog.countProducts());
        }

        @Override
        public List<ProductSummary> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return catalog.listProducts(first, pageSize);
        }

        @Override
        public String getRowKey(ProductSummary product) {
            return Long.toString(product.id());
        }

        @Override
        public ProductSummary getRowData(String rowKey) {
            return null;
        }
    }
}
