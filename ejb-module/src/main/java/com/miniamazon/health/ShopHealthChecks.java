package com.miniamazon.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The shop's checks as the server collects them: readiness (database, JMS, world and UPS connections) and
 * liveness (the gateway), each answered by the probe registered in {@link ShopHealth}.
 */
@ApplicationScoped
public class ShopHealthChecks {

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> ShopHealth.check(ShopHealth.DATABASE);
    }

    @Produces
    @Readiness
    HealthCheck jms() {
        return () -> ShopHealth.check(ShopHealth.JMS);
    }

    @Produces
    @Readiness
    HealthCheck worldConnection() {
        return () -> ShopHealth.check(ShopHealth.WORLD_CONNECTION);
    }

    @Produces
    @Readiness
    HealthCheck upsConnection() {
        return () -> ShopHealth.check(ShopHealth.UPS_CONNECTION);
    }

    @Produces
    @Liveness
    HealthCheck gateway() {
        return () -> ShopHealth.check(ShopHealth.GATEWAY);
    }
}
