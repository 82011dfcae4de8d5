package com.miniamazon.gateway;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import com.miniamazon.health.ShopHealth;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * The heartbeat of the outbox: an EJB timer that, every tick, sends each command whose next attempt is due
 * (a first send that no commit triggered, or a resend after the backoff). Each tick schedules the next one when
 * it ends, so a slow tick delays the next instead of overlapping it. The timer is not persistent: after a
 * restart the outbox rows themselves say what is due.
 */
@Singleton
@Startup
@DependsOn({"WorldGateway", "UpsGateway"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class ResendSchedule {

    private static final Logger LOG = Logger.getLogger(ResendSchedule.class);

    @Resource
    private TimerService timers;

    @EJB
    private WorldGateway world;

    @EJB
    private UpsGateway ups;

    @Inject
    private GatewaySettings settings;

    private static final Duration TIMER_SILENCE_LIMIT = Duration.ofSeconds(30);

    private volatile Instant lastTick;

    /** Set when the shop stops: a tick that is still running then meets gateways that are stopping too. */
    private volatile boolean stopping;

    @PostConstruct
    void schedule() {
        scheduleNextTick();
        ShopHealth.register(ShopHealth.GATEWAY, this::liveness);
        LOG.infof("Outbox resend timer every %d ms; first resend after %d ms until the peers' round trips are"
                        + " measured (then %d to %d ms); each command's delay doubles %d times from there, to at most"
                        + " %d ms", settings.resendTickMs(), settings.resendInitialMs(), settings.resendMinMs(),
                settings.resendMaxMs(), settings.resendDoublings(), settings.resendMaxMs());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        // A failure is logged and the next tick tries again; nothing may break the chain of ticks.
        lastTick = Instant.now();
        try {
            sendDue("the world", world::sendDue);
            sendDue("UPS", ups::sendDue);
        } finally {
            if (!stopping) {
                scheduleNextTick();
            }
        }
    }

    @PreDestroy
    void unregister() {
        stopping = true;
        ShopHealth.unregister(ShopHealth.GATEWAY);
    }

    /**
     * Alive while both connection threads run and the timer ticked within the last 30 s: if either stops,
     * commands would wait forever, and only a restart helps.
     */
    private HealthCheckResponse liveness() {
        Instant tick = lastTick;
        boolean timerAlive = tick != null && tick.isAfter(Instant.now().minus(TIMER_SILENCE_LIMIT));
        return HealthCheckResponse.named(ShopHealth.GATEWAY)
                .status(world.isRunning() && ups.isRunning() && timerAlive)
                .withData("worldConnectionThread", world.isRunning())
                .withData("upsConnectionThread", ups.isRunning())
                .withData("resendTimerLastTick", String.valueOf(tick))
                .build();
    }

    private void sendDue(String peer, Runnable send) {
        if (stopping) {
            return;
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            if (stopping) {
                // An undeploy or shutdown stopped the gateway under this tick; the outbox rows wait for the next start.
                LOG.debugf(e, "Sending due commands to %s stopped: the shop is stopping", peer);
            } else {
                LOG.errorf(e, "Sending due commands to %s failed; retrying at the next tick", peer);
            }
        }
    }

    private void scheduleNextTick() {
        timers.createSingleActionTimer(settings.resendTickMs(), new TimerConfig("outbox resend", false));
    }
}
