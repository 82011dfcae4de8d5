package com.miniamazon.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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
        // Only the registry's own methods reach the server's registry: WildFly gives each deployment a registry
        // that forwards them, while meters built with Gauge.builder(...).register(...) would stay local to it.
        MeterRegistry registry = metrics.registry();
        for (Peer peer : Peer.values()) {
            Tags tags = Tags.of("peer", peer.name().toLowerCase());
            ackLatency.put(peer, registry.timer("miniamazon.outbox.ack.latency", tags));
            backlog.put(peer, registry.gauge("miniamazon.outbox.backlog", tags, new AtomicLong()));
            registry.gauge("miniamazon.peer.connected", tags, this,
                    m -> m.status(peer).state() == PeerStatus.State.CONNECTED ? 1 : 0);
            registry.more().counter("miniamazon.outbox.resent", tags, this, m -> m.status(peer).itemsResent());
            registry.gauge("miniamazon.peer.resend.timeout.seconds", tags, this,
                    m -> m.status(peer).resendTimeoutMs() / 1000.0);
            registry.more().counter("miniamazon.inbound.duplicates", tags, this, m -> m.status(peer).duplicatesReceived());
            registry.more().counter("miniamazon.peer.frames.sent", tags, this, m -> m.status(peer).framesSent());
            registry.more().counter("miniamazon.peer.frames.received", tags, this, m -> m.status(peer).framesReceived());
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
}
