package com.miniamazon.infrastructure;

import com.miniamazon.health.ShopHealth;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Answers the readiness probes for the database (a pooled connection answers within 2 s) and JMS (the broker
 * lets the purchase request queue be browsed; how many requests wait is reported, counted up to 1000).
 *
 * <p>{@code @PermitAll}: only the container calls it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class HealthProbes {

    private static final int COUNT_LIMIT = 1000;

    @Resource(lookup = "java:jboss/datasources/MiniAmazonDS")
    private DataSource dataSource;

    @Resource(lookup = "java:/JmsXA")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/PurchaseRequests")
    private Queue purchaseRequests;

    @PostConstruct
    void register() {
        ShopHealth.register(ShopHealth.DATABASE, this::database);
        ShopHealth.register(ShopHealth.JMS, this::jms);
    }

    @PreDestroy
    void unregister() {
        ShopHealth.unregister(ShopHealth.DATABASE);
        ShopHealth.unregister(ShopHealth.JMS);
    }

    private HealthCheckResponse database() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named(ShopHealth.DATABASE).status(connection.isValid(2))
                    .withData("product", connection.getMetaData().getDatabaseProductName() + " "
                            + connection.getMetaData().getDatabaseProductVersion())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(ShopHealth.DATABASE).down().withData("error", e.getMessage()).build();
        }
    }

    private HealthCheckResponse jms() {
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser = context.createBrowser(purchaseRequests)) {
            int waiting = 0;
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && waiting < COUNT_LIMIT; e.nextElement()) {
                waiting++;
            }
            return HealthCheckResponse.named(ShopHealth.JMS).up().withData("purchaseRequestsWaiting", waiting).build();
        } catch (JMSRuntimeException | JMSException e) {
            return HealthCheckResponse.named(ShopHealth.JMS).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
