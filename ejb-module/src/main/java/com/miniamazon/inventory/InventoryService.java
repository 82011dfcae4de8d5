package com.miniamazon.inventory;

import com.miniamazon.accounts.Roles;
import com.miniamazon.catalog.CatalogChanged;
import com.miniamazon.infrastructure.NativeSql;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's book of what each warehouse holds ({@code warehouse_stock}): per warehouse and product, units
 * {@code available} (in the world's warehouse and claimed by no shipment) and units {@code on_order} (bought
 * from the world, not arrived yet). Counts change only through conditional SQL updates, so two transactions
 * racing for the same units cannot both get them and a count never drops below zero (the database's check
 * constraints back this up).
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InventoryService {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** Product pages show how many units are available: every change of {@code available} is announced. */
    @Inject
    private Event<CatalogChanged> catalogChanged;

    /** All warehouses, by id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Warehouse> warehouses() {
        return em.createQuery("select w from Warehouse w order by w.id", Warehouse.class).getResultList();
    }

    /**
     * Units available now, per warehouse id and then per product id, for the given products. Read with the
     * products as one array parameter, so the statement is the same whatever their number: a JPQL {@code in}
     * list is translated afresh for every size, which cost every checkout a query compilation.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Integer, Map<Long, Integer>> available(Collection<Long> productIds) {
        Map<Integer, Map<Long, Integer>> byWarehouse = new HashMap<>();
        if (productIds.isEmpty()) {
            return byWarehouse;
        }
        List<?> rows = NativeSql.withoutFlush(em, """
                        select warehouse_id, product_id, available from warehouse_stock
                        where product_id = any(cast(?1 as bigint[])) and available > 0""")
                .setParameter(1, NativeSql.arrayLiteral(productIds))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byWarehouse.computeIfAbsent(((Number) columns[0]).intValue(), w -> new HashMap<>())
                    .put(((Number) columns[1]).longValue(), ((Number) columns[2]).intValue());
        }
        return byWarehouse;
    }

    /**
     * Units per product that a warehouse holds or awaits (available plus on order), for the given products;
     * products it never stocked count zero.
     */
    public Map<Long, Integer> heldOrAwaited(int warehouseId, Collection<Long> productIds) {
        return counts(warehouseId, productIds, "available + on_order");
    }

    /**
     * Units per product available in a warehouse, read afresh from the rows the caller has locked
     * ({@link #lockStockRows}), so that it can share them out and {@link #claimAll} the result; products it
     * never stocked count zero.
     */
    public Map<Long, Integer> availableForUpdate(int warehouseId, Collection<Long> productIds) {
        return counts(warehouseId, productIds, "available");
    }

    // Stock rows have no entity: they are only ever read and written in SQL, so reads always see the latest counts.
    private Map<Long, Integer> counts(int warehouseId, Collection<Long> productIds, String count) {
        Map<Long, Integer> units = new HashMap<>();
        productIds.forEach(p -> units.put(p, 0));
        if (productIds.isEmpty()) {
            return units;
        }
        List<?> rows = NativeSql.withoutFlush(em, "select product_id, " + count + " from warehouse_stock"
                        + " where warehouse_id = :warehouse and product_id = any(cast(:products as bigint[]))")
                .setParameter("warehouse", warehouseId)
                .setParameter("products", NativeSql.arrayLiteral(productIds))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            units.put(((Number) columns[0]).longValue(), ((Number) columns[1]).intValue());
        }
        return units;
    }

    /**
     * Takes units of several products from a warehouse's available stock, one statement per product; the caller
     * has counted them out of {@link #availableForUpdate} under lock.
     *
     * @throws IllegalStateException when a row holds fewer units than claimed (the caller did not hold the lock);
     *     the transaction is then rolled back
     */
    public void claimAll(int warehouseId, Map<Long, Integer> unitsByProduct) {
        unitsByProduct.forEach((productId, quantity) -> {
            if (!claim(warehouseId, productId, quantity)) {
                throw new IllegalStateException("warehouse " + warehouseId + " holds fewer than " + quantity
                        + " unit(s) of product " + productId + " counted out under lock");
            }
        });
    }

    /**
     * Takes {@code quantity} units from a warehouse's available stock, all or nothing.
     *
     * @return whether the units were there and are now claimed
     */
    public boolean claim(int warehouseId, long productId, int quantity) {
        int updated = NativeSql.withoutFlush(em, """
                        update warehouse_stock set available = available - ?1
                        where warehouse_id = ?2 and product_id = ?3 and available >= ?1""")
                .setParameter(1, quantity)
                .setParameter(2, warehouseId)
                .setParameter(3, productId)
                .executeUpdate();
        if (updated == 1) {
            catalogChanged.fire(new CatalogChanged("stock of product " + productId));
        }
        return updated == 1;
    }

    /**
     * Locks a warehouse's stock rows of these products, in product order, the order every claim takes them in:
     * a transaction that will touch several rows takes them all up front, so it cannot deadlock with checkouts.
     */
    public void lockStockRows(int warehouseId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        NativeSql.withoutFlush(em, """
                        select product_id from warehouse_stock
                        where warehouse_id = :warehouse and product_id = any(cast(:products as bigint[]))
                        order by product_id for update""")
                .setParameter("warehouse", warehouseId)
                .setParameter("products", NativeSql.arrayLiteral(productIds))
                .getResultList();
    }

    /** Records units bought from the world for a warehouse and not yet arrived. */
    public void addOnOrder(int warehouseId, long productId, int quantity) {
        NativeSql.withoutFlush(em, """
                        insert into warehouse_stock (warehouse_id, product_id, available, on_order)
                        values (?1, ?2, 0, ?3)
                        on conflict (warehouse_id, product_id) do update set on_order = warehouse_stock.on_order + ?3""")
                .setParameter(1, warehouseId)
                .setParameter(2, productId)
                .setParameter(3, quantity)
                .executeUpdate();
    }

    /** Units arrived in a warehouse: they become available and no longer count as on order. */
    public void receive(int warehouseId, long productId, int quantity) {
        NativeSql.withoutFlush(em, """
                        insert into warehouse_stock (warehouse_id, product_id, available, on_order)
                        values (?1, ?2, ?3, 0)
                        on conflict (warehouse_id, product_id) do update
                        set available = warehouse_stock.available + ?3,
                            on_order = greatest(warehouse_stock.on_order - ?3, 0)""")
                .setParameter(1, warehouseId)
                .setParameter(2, productId)
                .setParameter(3, quantity)
                .executeUpdate();
        catalogChanged.fire(new CatalogChanged("stock of product " + productId));
    }

    /** Puts claimed units back, when a shipment will not use them after all. */
    public void release(int warehouseId, long productId, int quantity) {
        NativeSql.withoutFlush(em, """
                        update warehouse_stock set available = available + ?3
                        where warehouse_id = ?1 and product_id = ?2""")
                .setParameter(1, warehouseId)
                .setParameter(2, productId)
                .setParameter(3, quantity)
                .executeUpdate();
        catalogChanged.fire(new CatalogChanged("stock of product " + productId));
    }

    /** Forgets all stock: the store now works in a new world, whose warehouses start empty. */
    public void forgetAllStock() {
        NativeSql.withoutFlush(em, "update warehouse_stock set available = 0, on_order = 0").executeUpdate();
        catalogChanged.fire(new CatalogChanged("all stock forgotten"));
    }
}
