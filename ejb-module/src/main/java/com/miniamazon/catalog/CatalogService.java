package com.miniamazon.catalog;

import com.miniamazon.accounts.Account;
import com.miniamazon.infrastructure.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Browsing and searching the catalog; open to everyone, including visitors who are not logged in. Read-only;
 * each call is one transaction. Only products on sale (active) are shown.
 */
@Stateless
@PermitAll
public class CatalogService {

    /** The largest page any list asks for. */
    public static final int MAX_PAGE = 100;

    @Inject
    private ProductRepository products;

    @Inject
    private DeliveredPurchases purchases;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /**
     * One page of the products on sale, in a stable order.
     *
     * @param first index of the first product (0-based)
     * @param max   page size, at most {@link #MAX_PAGE}
     */
    public List<ProductSummary> listProducts(int first, int max) {
        checkPage(first, max);
        return products.findActiveSummaries(first, max);
    }

    /** How many products are on sale. */
    public long countProducts() {
        return products.countActive();
    }

    /** The categories, by name. */
    public List<CategoryView> categories() {
        return products.categories().stream().map(c -> new CategoryView(c.getId(), c.getName(), c.getSlug())).toList();
    }

    /**
     * One product on sale.
     *
     * @throws NotFoundException when there is no such product or it is not on sale
     */
    public ProductDetail product(long productId) {
        Product product = products.find(productId);
        if (product == null || !product.isActive()) {
            throw new NotFoundException("no product " + productId + " on sale");
        }
        Category category = product.getCategory();
        Account seller = em.find(Account.class, product.getSellerId());
        return new ProductDetail(product.getId(), product.getName(), product.getDescription(), product.getPrice(),
                new CategoryView(category.getId(), category.getName(), category.getSlug()), product.getSellerId(),
                seller.getDisplayName(), product.getRatingCount(), product.getRatingTotal(), product.getUpdatedAt());
    }

    /**
     * One page of the products matching the criteria, in the criteria's order (relevance by default): typo
     * tolerant, case-insensitive, partial (see {@link SearchSql}).
     */
    public List<ProductSummary> search(SearchCriteria criteria, int first, int max) {
        checkPage(first, max);
        return products.search(criteria, first, max);
    }

    /** How many products match the criteria. */
    public long countSearch(SearchCriteria criteria) {
        return products.countSearch(criteria);
    }

    /** Up to {@code max} (at most 10) product names for the search box while the shopper types. */
    public List<String> suggest(String typed, int max) {
        if (typed == null || typed.strip().length() < 2) {
            return List.of();
        }
        return products.suggestNames(typed, Math.min(Math.max(max, 1), 10));
    }

    /**
     * What to show beside a product: products bought together with it first, then the best rated of its
     * category; never the product itself, at most {@code max}.
     */
    public List<ProductSummary> recommendationsFor(long productId, int max) {
        Product product = products.find(productId);
        if (product == null) {
            return List.of();
        }
        Set<Long> seen = new LinkedHashSet<>(List.of(productId));
        List<ProductSummary> picks = new ArrayList<>();
        for (Long id : purchases.boughtTogether(productId, max)) {
            summaryOf(id).filter(s -> seen.add(s.id())).ifPresent(picks::add);
        }
        for (ProductSummary top : products.topRatedInCategory(product.getCategory().getId(), productId, max)) {
            if (picks.size() < max && seen.add(top.id())) {
                picks.add(top);
            }
        }
        return picks.size() > max ? picks.subList(0, max) : picks;
    }

    /** The best rated products of the store (newest first among unrated ones): for empty searches and the home page. */
    public List<ProductSummary> topRated(int max) {
        return products.topRated(Math.min(Math.max(max, 1), MAX_PAGE));
    }

    /**
     * What the product page says about availability: units available in all warehouses (the store buys more
     * from the world when they run out, so a product is never unorderable).
     */
    public long unitsInStock(long productId) {
        return ((Number) em.createNativeQuery(
                        "select coalesce(sum(available), 0) from warehouse_stock where product_id = :product")
                .setParameter("product", productId)
                .getSingleResult()).longValue();
    }

    /** The picture of an active product, if its seller uploaded one. */
    public Optional<Picture> picture(long productId) {
        ProductPicture picture = em.find(ProductPicture.class, productId);
        return picture == null
                ? Optional.empty()
                : Optional.of(new Picture(picture.getContentType(), picture.getContent(), picture.getUpdatedAt()));
    }

    private Optional<ProductSummary> summaryOf(long id) {
        return em.createQuery("""
                        select new com.miniamazon.catalog.ProductSummary(
                            p.id, p.name, p.description, p.price, c.name, a.displayName, p.ratingCount, p.ratingTotal)
                        from Product p join p.category c, Account a
                        where a.id = p.sellerId and p.active = true and p.id = :id""", ProductSummary.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    private static void checkPage(int first, int max) {
        if (first < 0 || max <= 0 || max > MAX_PAGE) {
            throw new IllegalArgumentException("bad page: first=" + first + ", max=" + max);
        }
    }
}
