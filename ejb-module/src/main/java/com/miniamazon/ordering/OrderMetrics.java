package com.miniamazon.ordering;

import com.miniamazon.infrastructure.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Ordering's meters: how many orders are in each state (counted in the database every 10 s, not on every
 * scrape), how long placing an order takes, and how purchase acknowledgements turn out.
 *
 * <p>{@code @PermitAll}: called by checkout and the container's timer.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class OrderMetrics {

    private static final Logger LOG = Logger.getLogger(OrderMetrics.class);

    @Inject
    private Metrics metrics;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    private final Map<OrderStatus, AtomicLong> ordersByStatus = new EnumMap<>(OrderStatus.class);
    private final Map<PurchaseAcknowledgement, Counter> acknowledgements = new EnumMap<>(PurchaseAcknowledgement.class);
    private Timer placing;

    @PostConstruct
    void register() {
        // Only the registry's own methods reach the server's registry (see GatewayMetrics).
        MeterRegistry registry = metrics.registry();
        for (OrderStatus status : OrderStatus.values()) {
            ordersByStatus.put(status,
                    registry.gauge("miniamazon.orders", Tags.of("status", status.name().toLowerCase()), new AtomicLong()));
        }
        for (PurchaseAcknowledgement outcome : PurchaseAcknowledgement.values()) {
            acknowledgements.put(outcome, registry.counter("miniamazon.purchase.acknowledgements",
                    Tags.of("outcome", outcome.name().toLowerCase())));
        }
        placing = registry.timer("miniamazon.checkout");
    }

    public void placed(Duration took) {
        placing.record(took);
    }

    public void acknowledgement(PurchaseAcknowledgement outcome) {
        acknowledgements.get(outcome).increment();
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "orders by state")
    void countOrders() {
        try {
            List<Object[]> rows = em.createQuery("select o.status, count(o) from CustomerOrder o group by o.status", Object[].class)
                    .getResultList();
            ordersByStatus.values().forEach(c -> c.set(0));
            for (Object[] row : rows) {
                ordersByStatus.get((OrderStatus) row[0]).set((Long) row[1]);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot count orders by state: %s", e.getMessage());
        }
    }
}
