package com.miniamazon.ordering;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The checkouts waiting for their purchase acknowledgement, by order id. One listener on the acknowledgement
 * queue ({@link PurchaseAcknowledgementListener}) wakes the waiters of each order it hears about. Before, every
 * waiting checkout opened its own JMS session and a consumer with a selector on that queue: under load that
 * cost more than the wait itself (found by profiling under {@code bench/fulfilment}).
 *
 * <p>More than one page may wait for the same order (a resubmitted checkout): they share one answer, which is
 * forgotten only when the last of them stops waiting.
 */
@ApplicationScoped
public class AcknowledgementWaiters {

    private static final class Waiting {
        final CompletableFuture<Void> answer = new CompletableFuture<>();
        int waiters;
    }

    private final ConcurrentHashMap<Long, Waiting> byOrder = new ConcurrentHashMap<>();

    /**
     * Waits at most {@code timeout} for the acknowledgement of {@code orderId}. {@code alreadyAnswered} is asked
     * once the wait is registered: an answer that came before it (or went to another server's listener) is
     * found there instead, and it is asked again when the time is up.
     *
     * @return whether the order was acknowledged in time
     */
    public boolean await(long orderId, Duration timeout, BooleanSupplier alreadyAnswered) {
        Waiting waiting = byOrder.compute(orderId, (id, w) -> {
            Waiting current = w == null ? new Waiting() : w;
            current.waiters++;
            return current;
        });
        try {
            if (alreadyAnswered.getAsBoolean()) {
                return true;
            }
            waiting.answer.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return alreadyAnswered.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an acknowledgement is never completed exceptionally", e);
        } finally {
            byOrder.computeIfPresent(orderId, (id, w) -> --w.waiters == 0 ? null : w);
        }
    }

    /** The acknowledgement of {@code orderId} arrived: whoever waits for it stops waiting. */
    void answered(long orderId) {
        Waiting waiting = byOrder.get(orderId);
        if (waiting != null) {
            waiting.answer.complete(null);
        }
    }

    /** How many orders someone waits for now. */
    int waitingOrders() {
        return byOrder.size();
    }
}
