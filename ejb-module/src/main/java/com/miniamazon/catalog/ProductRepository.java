package com.miniamazon.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads and stores products; runs in the caller's transaction. */
@ApplicationScoped
public class ProductRepository {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** Active products, newest first, as summaries; {@code first} and {@code max} page through them. */
    public List<ProductSummary> findActiveSummaries(int first, int max) {
        return em.createQuery("""
                        select new com.miniamazon.catalog.ProductSummary(
                            p.id, p.name, p.description, p.price, c.name, a.displayName)
                        from Product p join p.category c, Account a
                        where a.id = p.sellerId and p.active = true
                        order by p.id""", ProductSummary.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countActive() {
        return em.createQuery("select count(p) from Product p where p.active = true", Long.class).getSingleResult();
    }
}
