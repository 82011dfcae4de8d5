package com.miniamazon.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What customers bought and received, read from the ordering tables (issue 5): who may review a product, and
 * which products are bought together. Until those tables exist in the database, nobody has received anything
 * and nothing is bought together. Runs in the caller's transaction.
 */
@ApplicationScoped
public class DeliveredPurchases {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** Whether an order of this customer that holds the product has been delivered. */
    public boolean hasReceived(long customerId, long productId) {
        if (!orderingTablesExist()) {
            return false;
        }
        return (Boolean) em.createNativeQuery("""
                        select exists (
                            select 1 from customer_order o join order_line l on l.order_id = o.id
                            where o.customer_id = :customer and l.product_id = :product and o.status = 'DELIVERED')""")
                .setParameter("customer", customerId)
                .setParameter("product", productId)
                .getSingleResult();
    }

    /** Ids of active products most often in the same orders as this one, most often first. */
    public List<Long> boughtTogether(long productId, int max) {
        if (!orderingTablesExist()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select other.product_id from order_line mine
                        join order_line other on other.order_id = mine.order_id and other.product_id <> mine.product_id
                        join product p on p.id = other.product_id and p.active
                        where mine.product_id = :product
                        group by other.product_id order by count(*) desc, other.product_id limit :max""")
                .setParameter("product", productId)
                .setParameter("max", max)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private boolean orderingTablesExist() {
        return (Boolean) em.createNativeQuery(
                        "select to_regclass('customer_order') is not null and to_regclass('order_line') is not null")
                .getSingleResult();
    }
}
