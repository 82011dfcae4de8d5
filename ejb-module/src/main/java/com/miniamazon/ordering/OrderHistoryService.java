package com.miniamazon.ordering;

import com.miniamazon.accounts.Roles;
import com.miniamazon.infrastructure.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The customer's side of their orders, read-only: the history (searchable) and one order with its timeline and
 * shipments. Every query is restricted to the caller's own orders; another customer's order id is answered
 * exactly like an unknown one ({@link NotFoundException}). One read transaction per call.
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
public class OrderHistoryService {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private CustomerDirectory customers;

    @Resource
    private SessionContext session;

    private static final String HISTORY_FROM = """
            from customer_order o
            where o.customer_id = :customer
              and (:search = '' or cast(o.id as text) = :search
                   or exists (select 1 from shipment s where s.order_id = o.id and cast(s.id as text) = :search)
                   or exists (select 1 from order_line l where l.order_id = o.id
                              and lower(l.product_name) like :pattern escape '\\'))""";

    /**
     * One page of the caller's orders, newest first. {@code search} (may be blank) matches an order number, a
     * tracking number, or part of a product's name.
     */
    public List<OrderHistoryRow> myOrders(String search, int first, int max) {
        if (first < 0 || max <= 0 || max > 100) {
            throw new IllegalArgumentException("bad page: first=" + first + ", max=" + max);
        }
        Query query = em.createNativeQuery("""
                select o.id, o.status, o.placed_at, o.total,
                       (select coalesce(sum(l.quantity), 0) from order_line l where l.order_id = o.id),
                       (select l.product_name from order_line l where l.order_id = o.id order by l.line_number limit 1),
                       (select count(*) from order_line l where l.order_id = o.id),
                       (select min(s.id) from shipment s where s.order_id = o.id)
                """ + HISTORY_FROM + " order by o.placed_at desc, o.id desc limit :max offset :first");
        bindSearch(query, search).setParameter("max", max).setParameter("first", first);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new OrderHistoryRow(((Number) r[0]).longValue(), OrderStatus.valueOf((String) r[1]),
                instant(r[2]), (BigDecimal) r[3], ((Number) r[4]).intValue(), (String) r[5],
                ((Number) r[6]).intValue(), r[7] == null ? null : ((Number) r[7]).longValue())).toList();
    }

    /** How many of the caller's orders match {@code search} (see {@link #myOrders}). */
    public long countMyOrders(String search) {
        Query query = em.createNativeQuery("select count(*) " + HISTORY_FROM);
        return ((Number) bindSearch(query, search).getSingleResult()).longValue();
    }

    /**
     * One of the caller's orders, in full.
     *
     * @throws NotFoundException when there is no such order or it is another customer's
     */
    public OrderDetail myOrder(long orderId) {
        CustomerOrder order;
        try {
            order = customers.ownOrder(session.getCallerPrincipal(), orderId);
        } catch (OrderNotFound notTheirs) {
            throw new NotFoundException(notTheirs.getMessage());
        }
        List<OrderDetail.Line> lines = order.getLines().stream()
                .map(l -> new OrderDetail.Line(l.getProductId(), l.getProductName(), l.getUnitPrice(), l.getQuantity()))
                .toList();
        List<OrderDetail.TimelineEntry> timeline = order.getTimeline().stream()
                .map(c -> new OrderDetail.TimelineEntry(c.getStatus(), c.getNote(), c.getChangedAt()))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> shipmentRows = em.createNativeQuery("""
                        select s.id, w.id, w.name, w.x, w.y, s.truck_id, s.truck_arrived, s.loaded
                        from shipment s join warehouse w on w.id = s.warehouse_id
                        where s.order_id = :order order by s.id""")
                .setParameter("order", orderId)
                .getResultList();
        List<OrderDetail.ShipmentView> shipments = shipmentRows.stream()
                .map(r -> new OrderDetail.ShipmentView(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                        r[5] == null ? null : ((Number) r[5]).intValue(), (Boolean) r[6], (Boolean) r[7]))
                .toList();
        return new OrderDetail(order.getId(), order.getStatus(), order.getPlacedAt(), order.getTotal(),
                order.getDestination().x(), order.getDestination().y(),
                order.getRequestedDestination() == null ? null : order.getRequestedDestination().x(),
                order.getRequestedDestination() == null ? null : order.getRequestedDestination().y(),
                order.getUpsAccount(), order.getProblem() != null, order.acceptsDestinationChange(), lines, timeline,
                shipments);
    }

    private Query bindSearch(Query query, String search) {
        String words = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (words.length() > 100) {
            words = words.substring(0, 100);
        }
        String escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return query.setParameter("customer", customers.idOf(session.getCallerPrincipal()))
                .setParameter("search", words)
                .setParameter("pattern", "%" + escaped + "%");
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
