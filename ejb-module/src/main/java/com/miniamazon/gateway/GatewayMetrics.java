package com.miniamazon.gateway;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.miniamazon.infrastructure.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * The gateway's meters: per peer, whether it is connected, how many commands wait for an acknowledgement,
 * how many were resent, how many received items were repeats, frames each way, and how long commands waited
 * for their acknowledgement. The backlog is counted in the database every 10 s, not on every scrape.
 *
 * <p>{@code @PermitAll}: called by the outbox bookkeeping and the container's timer.
 */
@Singleton
@Startup
@DependsOn({"WorldGateway", "UpsGateway"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class GatewayMetrics {

    private static final Logger LOG = Logger.getLogger(GatewayMetrics.class);

    @Inject
    private Metrics metrics;

    @EJB
    private WorldGateway world;

    @EJB
    private UpsGateway ups;

    @EJB
    private OutboxStore outbox;

    private final Map<Peer, Timer> ackLatency = new EnumMap<>(Peer.class);
    private final Map<Peer, AtomicLong> backlog = new EnumMap<>(Peer.class);

    @PostConstruct
    void register() {
        MeterRegistry registry = metrics.registry();
        for (Peer peer : Peer.values()) {
            String tag = peer.name().toLowerCase();
            ackLatency.put(peer, Timer.builder("miniamazon.outbox.ack.latency")
                    .description("Time from a command's creation to the peer's acknowledgement, resends included")
                    .tag("peer", tag)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(5))
                    .register(registry));
            backlog.put(peer, new AtomicLong());
            Gauge.builder("miniamazon.outbox.backlog", backlog.get(peer), AtomicLong::get)
                    .description("Commands waiting for the peer's acknowledgement").tag("peer", tag).register(registry);
            Gauge.builder("miniamazon.peer.connected", this, m -> m.status(peer).state() == PeerStatus.State.CONNECTED ? 1 : 0)
                    .description("1 while the connection to the peer is up").tag("peer", tag).register(registry);
            counter(registry, "miniamazon.outbox.resent", "Commands sent again after no acknowledgement", peer,
                    m -> m.status(peer).itemsResent());
            counter(registry, "miniamazon.inbound.duplicates", "Received items that repeated one already applied", peer,
                    m -> m.status(peer).duplicatesReceived());
            counter(registry, "miniamazon.peer.frames.sent", "Frames written to the peer", peer,
                    m -> m.status(peer).framesSent());
            counter(registry, "miniamazon.peer.frames.received", "Frames read from the peer", peer,
                    m -> m.status(peer).framesReceived());
        }
    }

    /** Records how long acknowledged commands waited, from creation to acknowledgement. */
    public void acknowledged(Peer peer, Iterable<Duration> waits) {
        Timer timer = ackLatency.get(peer);
        waits.forEach(timer::record);
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "outbox backlog")
    void countBacklog() {
        for (Peer peer : Peer.values()) {
            try {
                backlog.get(peer).set(outbox.backlog(peer));
            } catch (RuntimeException e) {
                LOG.warnf("Cannot count the outbox backlog for %s: %s", peer, e.getMessage());
            }
        }
    }

    private PeerStatus status(Peer peer) {
        return peer == Peer.WORLD ? world.snapshot() : ups.snapshot();
    }

    private void counter(MeterRegistry registry, String name, String description, Peer peer,
            ToDoubleFunction<GatewayMetrics> value) {
        FunctionCounter.builder(name, this, value).description(description).tag("peer", peer.name().toLowerCase())
                .register(registry);
    }
}
