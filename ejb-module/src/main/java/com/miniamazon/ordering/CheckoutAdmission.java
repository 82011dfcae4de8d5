package com.miniamazon.ordering;

import com.miniamazon.infrastructure.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets a bounded number of checkouts work at once ({@code miniamazon.checkout.max-concurrent}, by default two per
 * processor); the others wait for their turn in arrival order, at most {@code miniamazon.checkout.admission-wait-ms},
 * and are then turned away with {@link CheckoutBusy}, having recorded nothing.
 *
 * <p>Why: with every request thread placing an order at once, the CPU was shared among thirty-odd checkouts and the
 * two connection threads that apply the world's and UPS's reports. Checkouts did not get faster (they queue for the
 * same stock rows), but the connection threads got a thirtieth of the machine: deliveries stopped while buyers
 * ordered, acknowledgements reached the peers late, and the peers' resends and the store's own made it worse
 * (bench/fulfilment; the README has the figures).
 */
@ApplicationScoped
public class CheckoutAdmission {

    private static final Logger LOG = Logger.getLogger(CheckoutAdmission.class);

    @Inject
    @ConfigProperty(name = "miniamazon.checkout.max-concurrent", defaultValue = "0")
    int configuredLimit;

    @Inject
    @ConfigProperty(name = "miniamazon.checkout.admission-wait-ms", defaultValue = "10000")
    long waitMs;

    @Inject
    Metrics metrics;

    private Semaphore turns;
    private int limit;
    private final AtomicInteger waiting = new AtomicInteger();
    private Counter turnedAway;

    /** A checkout's turn; closing it lets the next one in. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    CheckoutAdmission() {
        // for CDI
    }

    /** Without a container: the given limit (0 or less: two per processor) and wait, meters in a registry of its own. */
    CheckoutAdmission(int configuredLimit, long waitMs) {
        this.configuredLimit = configuredLimit;
        this.waitMs = waitMs;
        start(new SimpleMeterRegistry());
    }

    @PostConstruct
    void start() {
        start(metrics.registry());
    }

    private void start(MeterRegistry registry) {
        limit = configuredLimit > 0 ? configuredLimit : 2 * Runtime.getRuntime().availableProcessors();
        turns = new Semaphore(limit, true);
        registry.gauge("miniamazon.checkout.waiting", waiting);
        turnedAway = registry.counter("miniamazon.checkout.turned.away");
        LOG.infof("Checkouts: at most %d at once; a checkout waits at most %d ms for its turn", limit, waitMs);
    }

    /** Creates the bean when the application starts, so that its meters are there before the first checkout. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: delivering the event to this bean is what creates it.
    }

    /**
     * Waits for a turn, in arrival order.
     *
     * @throws CheckoutBusy when no turn came within the admission wait
     */
    public Turn enter() throws CheckoutBusy {
        waiting.incrementAndGet();
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            turnedAway.increment();
            LOG.warnf("A checkout was turned away after waiting %d ms for its turn (%d at work, %d waiting)",
                    waitMs, limit - turns.availablePermits(), waiting.get());
            throw new CheckoutBusy("The store is very busy right now and your order was not placed. Please try again in a moment.");
        }
        return new Turn() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    turns.release();
                }
            }
        };
    }

    /** How many checkouts may work at once. */
    public int limit() {
        return limit;
    }

    /** How many checkouts wait for their turn now. */
    public int waiting() {
        return waiting.get();
    }

    /** How many checkouts were turned away since start. */
    public int turnedAway() {
        return (int) turnedAway.count();
    }
}
