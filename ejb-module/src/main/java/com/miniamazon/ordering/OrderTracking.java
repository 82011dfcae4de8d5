package com.miniamazon.ordering;

import com.miniamazon.accounts.Roles;
import com.miniamazon.inventory.GridPoint;
import static com.miniamazon.infrastructure.SqlValues.instant;
import static com.miniamazon.infrastructure.SqlValues.toInteger;
import static com.miniamazon.infrastructure.SqlValues.toLong;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.List;

/**
 * What customers read about their own orders: the history and each order's details and timeline. Read-only;
 * every query is bound to the caller, so another customer's order is indistinguishable from a missing one.
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
public class OrderTracking {

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private CustomerDirectory customers;

    /**
     * The caller's order with its lines, timeline and place on the grid.
     *
     * @throws OrderNotFound when the caller has no such order
     */
    public OrderDetails order(long orderId) throws OrderNotFound {
        CustomerOrder order = customers.ownOrder(session.getCallerPrincipal(), orderId);
        List<Tuple> shipment = em.createNativeQuery("""
                        select s.id as shipment_id, s.truck_id as truck_id, w.id as warehouse_id, w.name as warehouse_name,
                               w.x as x, w.y as y
                        from shipment s join warehouse w on w.id = s.warehouse_id
                        where s.order_id = ?1 order by s.id""", Tuple.class)
                .setParameter(1, orderId)
                .getResultList();
        Tuple s = shipment.isEmpty() ? null : shipment.get(0);
        List<OrderDetails.Line> lines = order.getLines().stream()
                .map(l -> new OrderDetails.Line(l.getProductId(), l.getProductName(), l.getUnitPrice(), l.getQuantity(), l.getSubtotal()))
                .toList();
        List<OrderDetails.TimelineEntry> timeline = order.getTimeline().stream()
                .map(c -> new OrderDetails.TimelineEntry(c.getStatus(), c.getStatus().label(), c.getNote(), c.getChangedAt()))
                .toList();
        return new OrderDetails(order.getId(), order.getStatus(),
                s == null ? null : toLong(s.get("shipment_id")),
                order.getTotal(), order.getPlacedAt(), order.getAcceptedAt(), order.getDestination(),
                order.getRequestedDestination(), order.acceptsDestinationChange(), order.getUpsAccount(),
                s == null ? null : toInteger(s.get("warehouse_id")),
                s == null ? null : (String) s.get("warehouse_name"),
                s == null ? null : new GridPoint(toInteger(s.get("x")), toInteger(s.get("y"))),
                s == null ? null : toInteger(s.get("truck_id")),
                lines, timeline);
    }

    /** The caller's orders, newest first, {@code max} (at most 100) from {@code first}. */
    public List<OrderSummary> orders(int first, int max) {
        if (first < 0 || max < 1 || max > 100) {
            throw new IllegalArgumentException("bad page: first=" + first + ", max=" + max);
        }
        long customerId = customers.idOf(session.getCallerPrincipal(), LockModeType.NONE);
        List<Tuple> rows = em.createNativeQuery("""
                        select o.id, o.status, o.total, o.placed_at, o.status_changed_at,
                               (select min(s.id) from shipment s where s.order_id = o.id) as tracking,
                               (select sum(l.quantity) from order_line l where l.order_id = o.id) as items,
                               (select l.product_name from order_line l where l.order_id = o.id and l.line_number = 1) as first_product
                        from customer_order o
                        where o.customer_id = ?1
                        order by o.placed_at desc, o.id desc
                        offset ?2 limit ?3""", Tuple.class)
                .setParameter(1, customerId)
                .setParameter(2, first)
                .setParameter(3, max)
                .getResultList();
        return rows.stream().map(r -> new OrderSummary(
                toLong(r.get("id")),
                OrderStatus.valueOf((String) r.get("status")),
                toLong(r.get("tracking")),
                (BigDecimal) r.get("total"),
                toInteger(r.get("items")),
                (String) r.get("first_product"),
                instant(r.get("placed_at")),
                instant(r.get("status_changed_at")))).toList();
    }

    /** How many orders the caller has. */
    public long countOrders() {
        long customerId = customers.idOf(session.getCallerPrincipal(), LockModeType.NONE);
        return em.createQuery("select count(o) from CustomerOrder o where o.customerId = :customer", Long.class)
                .setParameter("customer", customerId)
                .getSingleResult();
    }

}
