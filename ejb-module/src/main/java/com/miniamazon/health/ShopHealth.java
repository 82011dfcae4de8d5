package com.miniamazon.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The probes the shop's health checks report: each is registered under its check's name by the service that
 * can answer it, and removed when that service stops. A probe not registered (yet) reports DOWN.
 */
public final class ShopHealth {

    /** Readiness: the database answers. */
    public static final String DATABASE = "database";
    /** Readiness: the JMS broker and the purchase queues answer. */
    public static final String JMS = "jms";
    /** Readiness: the connection to the world is up. */
    public static final String WORLD_CONNECTION = "world-connection";
    /** Readiness: the connection to UPS is up. */
    public static final String UPS_CONNECTION = "ups-connection";
    /** Liveness: the gateway's connection threads and resend timer run. */
    public static final String GATEWAY = "gateway";

    private static final Map<String, Supplier<HealthCheckResponse>> PROBES = new ConcurrentHashMap<>();

    private ShopHealth() {}

    public static void register(String name, Supplier<HealthCheckResponse> probe) {
        PROBES.put(name, probe);
    }

    public static void unregister(String name) {
        PROBES.remove(name);
    }

    /** The probe's answer; DOWN when it is not registered or fails. */
    static HealthCheckResponse check(String name) {
        Supplier<HealthCheckResponse> probe = PROBES.get(name);
        if (probe == null) {
            return HealthCheckResponse.named(name).down().withData("reason", "not started").build();
        }
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(name).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
