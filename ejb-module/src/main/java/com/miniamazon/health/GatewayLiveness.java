package com.miniamazon.health;

import com.miniamazon.gateway.ResendSchedule;
import com.miniamazon.gateway.UpsGateway;
import com.miniamazon.gateway.WorldGateway;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while both connection threads run and the resend timer ticked within the last 30 s: if either stops,
 * commands would wait forever, and only a restart helps.
 */
@Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

    private static final Duration TIMER_SILENCE_LIMIT = Duration.ofSeconds(30);

    @EJB
    private WorldGateway world;

    @EJB
    private UpsGateway ups;

    @EJB
    private ResendSchedule resends;

    @Override
    public HealthCheckResponse call() {
        Instant lastTick = resends.lastTick();
        boolean timerAlive = lastTick != null && lastTick.isAfter(Instant.now().minus(TIMER_SILENCE_LIMIT));
        return HealthCheckResponse.named("gateway")
                .status(world.isRunning() && ups.isRunning() && timerAlive)
                .withData("worldConnectionThread", world.isRunning())
                .withData("upsConnectionThread", ups.isRunning())
                .withData("resendTimerLastTick", String.valueOf(lastTick))
                .build();
    }
}
