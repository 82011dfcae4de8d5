package com.miniamazon.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the broker takes a connection and the purchase request queue can be browsed; reports how many
 * requests wait (counted up to 1000).
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private static final int COUNT_LIMIT = 1000;

    @Resource(lookup = "java:/JmsXA")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/PurchaseRequests")
    private Queue purchaseRequests;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser = context.createBrowser(purchaseRequests)) {
            int waiting = 0;
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && waiting < COUNT_LIMIT; e.nextElement()) {
                waiting++;
            }
            return HealthCheckResponse.named("jms").up().withData("purchaseRequestsWaiting", waiting).build();
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("jms").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
