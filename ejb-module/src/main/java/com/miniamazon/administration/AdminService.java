package com.miniamazon.administration;

import com.miniamazon.accounts.Roles;
import com.miniamazon.inventory.Warehouse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What administrators watch: warehouses and the store's population. Admins only; read-only transactions. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AdminService {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** The warehouses with their place on the grid and how many products are on sale store-wide. */
    public List<WarehouseRow> warehouses() {
        return em.createQuery("select w from Warehouse w order by w.id", Warehouse.class).getResultStream()
                .map(w -> new WarehouseRow(w.getId(), w.getName(), w.getX(), w.getY()))
                .toList();
    }

    /** Counts of accounts, sellers and products on sale. */
    public StoreFigures figures() {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select (select count(*) from account),
                               (select count(*) from account where is_seller),
                               (select count(*) from product where active)""")
                .getSingleResult();
        return new StoreFigures(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }
}
