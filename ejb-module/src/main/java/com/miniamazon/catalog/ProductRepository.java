package com.miniamazon.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reads and stores products; runs in the caller's transaction. */
@ApplicationScoped
public class ProductRepository {

    private static final String SUMMARY = """
            select new com.miniamazon.catalog.ProductSummary(
                p.id, p.name, p.description, p.price, c.name, a.displayName, p.ratingCount, p.ratingTotal)
            from Product p join p.category c, Account a
            where a.id = p.sellerId and p.active = true""";

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** Active products in id order, as summaries; {@code first} and {@code max} page through them. */
    public List<ProductSummary> findActiveSummaries(int first, int max) {
        return em.createQuery(SUMMARY + " order by p.id", ProductSummary.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countActive() {
        return em.createQuery("select count(p) from Product p where p.active = true", Long.class).getSingleResult();
    }

    public Product find(long id) {
        return em.find(Product.class, id);
    }

    public void add(Product product) {
        em.persist(product);
    }

    public List<Category> categories() {
        return em.createQuery("select c from Category c order by c.name", Category.class).getResultList();
    }

    public Category categoryBySlug(String slug) {
        return em.createQuery("select c from Category c where c.slug = :slug", Category.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    public Category category(long id) {
        return em.find(Category.class, id);
    }

    /** Best rated active products of a category (at least one rating), best first, without {@code exceptId}. */
    public List<ProductSummary> topRatedInCategory(long categoryId, long exceptId, int max) {
        return em.createQuery(SUMMARY + """
                         and c.id = :category and p.id <> :except and p.ratingCount > 0
                        order by (p.ratingTotal * 1.0 / p.ratingCount) desc, p.ratingCount desc, p.id""",
                        ProductSummary.class)
                .setParameter("category", categoryId)
                .setParameter("except", exceptId)
                .setMaxResults(max)
                .getResultList();
    }

    /** Best rated active products across the store; newest first among unrated ones. */
    public List<ProductSummary> topRated(int max) {
        return em.createQuery(SUMMARY + """
                         order by case when p.ratingCount = 0 then 0.0 else p.ratingTotal * 1.0 / p.ratingCount end desc,
                        p.ratingCount desc, p.id desc""", ProductSummary.class)
                .setMaxResults(max)
                .getResultList();
    }

    /** One page of search results (see {@link SearchSql}). */
    public List<ProductSummary> search(SearchCriteria criteria, int first, int max) {
        SearchSql sql = SearchSql.of(criteria);
        setSimilarityThreshold(criteria);
        Query query = em.createNativeQuery(sql.pageQuery());
        sql.parameters().forEach(query::setParameter);
        query.setParameter("limit", max).setParameter("offset", first);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(ProductRepository::summary).toList();
    }

    /** How many products a search finds. */
    public long countSearch(SearchCriteria criteria) {
        SearchSql sql = SearchSql.of(criteria);
        setSimilarityThreshold(criteria);
        Query query = em.createNativeQuery(sql.countQuery());
        for (Map.Entry<String, Object> parameter : sql.parameters().entrySet()) {
            if (sql.countUses(parameter.getKey())) {
                query.setParameter(parameter.getKey(), parameter.getValue());
            }
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Names of active products that match the start of what a shopper is typing, best first. */
    public List<String> suggestNames(String typed, int max) {
        SearchCriteria criteria = SearchCriteria.words(typed);
        if (!criteria.hasWords()) {
            return List.of();
        }
        return search(criteria, 0, max).stream().map(ProductSummary::name).toList();
    }

    private void setSimilarityThreshold(SearchCriteria criteria) {
        if (criteria.hasWords()) {
            // Local to the transaction: pooled connections keep the server default for everyone else.
            em.createNativeQuery(SearchSql.SET_THRESHOLD).getSingleResult();
        }
    }

    private static ProductSummary summary(Object[] row) {
        return new ProductSummary(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (BigDecimal) row[3], (String) row[4], (String) row[5], ((Number) row[6]).intValue(),
                ((Number) row[7]).intValue());
    }
}
