package com.miniamazon.health;

import com.miniamazon.gateway.PeerStatus;
import com.miniamazon.gateway.UpsGateway;
import com.miniamazon.gateway.WorldGateway;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per peer: up while the connection is established. Orders placed while a peer is down
 * are kept and sent on reconnect, so "down" here means "fulfilment is paused", which an operator must see.
 */
@ApplicationScoped
public class PeerConnectionReadiness {

    @EJB
    private WorldGateway world;

    @EJB
    private UpsGateway ups;

    @Produces
    @Readiness
    HealthCheck worldConnection() {
        return () -> check("world-connection", world.snapshot());
    }

    @Produces
    @Readiness
    HealthCheck upsConnection() {
        return () -> check("ups-connection", ups.snapshot());
    }

    private static HealthCheckResponse check(String name, PeerStatus status) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name)
                .status(status.state() == PeerStatus.State.CONNECTED)
                .withData("address", status.address())
                .withData("state", status.state().name())
                .withData("since", String.valueOf(status.since()));
        if (status.worldId() != null) {
            response.withData("world", status.worldId());
        }
        if (status.lastProblem() != null) {
            response.withData("lastProblem", status.lastProblem());
        }
        return response.build();
    }
}
