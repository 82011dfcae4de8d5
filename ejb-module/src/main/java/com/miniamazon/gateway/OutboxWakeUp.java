package com.miniamazon.gateway;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends new commands as soon as the transaction that wrote them commits, instead of waiting for the next
 * timer tick. Many commits in a burst share one send: a wake-up already pending absorbs the next ones.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private WorldGateway world;

    @EJB
    private UpsGateway ups;

    private final Map<Peer, AtomicBoolean> pending = new EnumMap<>(Map.of(
            Peer.WORLD, new AtomicBoolean(), Peer.UPS, new AtomicBoolean()));

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        AtomicBoolean flag = pending.get(appended.peer());
        if (flag.compareAndSet(false, true)) {
            executor.execute(() -> {
                flag.set(false);
                try {
                    if (appended.peer() == Peer.WORLD) {
                        world.sendDue();
                    } else {
                        ups.sendDue();
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Sending new commands to %s failed; the resend timer will send them", appended.peer());
                }
            });
        }
    }
}
