package com.miniamazon.infrastructure;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The meter registry the shop's meters live in: the server's (WildFly's micrometer subsystem, scraped at
 * /metrics on the management port) when it has one, otherwise a local one, so a server configured without
 * metrics still runs the shop.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class);

    @Inject
    private Instance<MeterRegistry> server;

    private MeterRegistry registry;

    @PostConstruct
    void choose() {
        if (server.isResolvable()) {
            registry = server.get();
        } else {
            LOG.warn("The server has no meter registry (micrometer subsystem); the shop's metrics stay in memory");
            registry = new SimpleMeterRegistry();
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Takes the shop's meters out of the server's registry when the application stops. The server keeps a
     * gauge only weakly: left behind by an undeployed shop, it would hide the gauge a redeployed shop registers
     * under the same name, and show NaN once its old value was collected (seen after the run command replaced
     * the deployment at boot).
     */
    @PreDestroy
    void removeShopMeters() {
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith("miniamazon.")) {
                registry.remove(meter);
            }
        }
    }
}
