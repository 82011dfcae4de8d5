package com.miniamazon.gateway;

import com.miniamazon.health.ShopHealth;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

/**
 * What the world and UPS gateway singletons share: one {@link PeerLink} run on a container-managed thread from
 * start-up to shutdown, its readiness probe, and the methods the timer, the commit observer, the metrics and the
 * status pages call. {@code @PermitAll} here as on the subclasses: a class's security annotation covers only the
 * methods it declares, so without it these inherited business methods would carry none.
 */
@PermitAll
abstract class PeerGateway {

    @Resource
    private ManagedThreadFactory threads;

    @EJB
    OutboxStore outbox;

    @EJB
    InboundProcessor processor;

    @Inject
    GatewaySettings settings;

    private PeerLink<?> link;
    private Thread reader;
    private String probe;

    /** Starts the connection's thread and registers its readiness probe under {@code probeName}. */
    void start(PeerLink<?> peerLink, String threadName, String probeName) {
        link = peerLink;
        probe = probeName;
        reader = threads.newThread(link);
        reader.setName(threadName);
        reader.start();
        ShopHealth.register(probe, () -> link.snapshot().toHealth(probe));
    }

    void stop() {
        ShopHealth.unregister(probe);
        link.stop();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    PeerLink<?> link() {
        return link;
    }

    /** Sends the commands that are due; see {@link PeerLink#sendDue}. */
    public void sendDue() {
        link.sendDue();
    }

    /** State, counters and outbox backlog (one database query). */
    public PeerStatus status() {
        return link.status();
    }

    /** State and counters only, for frequent readers such as metrics and health checks. */
    public PeerStatus snapshot() {
        return link.snapshot();
    }

    /** Whether the connection's thread is alive; false only once the application stops. */
    public boolean isRunning() {
        return link.isRunning() && reader.isAlive();
    }
}
