package com.miniamazon.gateway;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long to wait for a peer's acknowledgement before sending a command again, learned from the peer's own
 * round trips the way TCP learns its retransmission timeout (RFC 6298): a smoothed round-trip time plus four times
 * its mean deviation, kept between a floor and a ceiling. The outbox's backoff doubles from this value.
 *
 * <p>Why: a fixed first timeout is wrong both ways. The simulators at top speed answer in milliseconds, so a command
 * the network dropped waited a whole second, and every truck waited for the slowest of its shipments; a peer slowed
 * down by load answers in seconds, so a fixed second resent every command that was merely slow, which loaded the
 * peer further.
 *
 * <p>Only commands acknowledged after exactly one send are measured (Karn's rule): the acknowledgement of a resent
 * command cannot say which send it answers. That leaves a blind spot: when the peer suddenly slows down, every
 * command is resent before its answer comes, nothing can be measured, and the timeout would stay short and keep
 * resending everything. So an answer that comes sooner after a resend than half a round trip, which must answer an
 * earlier send, shows the resend was needless, and doubles the timeout (at most once per timeout's length); the next
 * measurement replaces the doubled value. An answer a round trip after the resend answers the resend: the first
 * send was lost, which says nothing about the timeout. (TCP doubles on every resend; a flaky network that loses
 * commands while the peer answers quickly would then drive the timeout to its ceiling whenever few commands are
 * measured.) Until the first measurement the timeout is the configured initial one.
 *
 * <p>Each command's own delay doubles from this timeout at every resend, but only a few times
 * ({@link #longestMillis()}): a slow peer already raises the timeout itself, so further doubling protects nothing and
 * only delays the command that the network lost again and again. With the doubling up to the ceiling (8 s), the
 * few commands that a 30 % flaky peer ignored six or seven times in a row waited 13–21 s in all before the send that
 * got through, and the last orders of a backlog were delivered that much after the rest (bench/fulfilment); now
 * they wait about 4–5 s. Four times the timeout (800 ms at the floor) is about as often as the world resends its
 * own reports (every second).
 *
 * <p>Thread-safe: senders record sends while the connection's thread records acknowledgements.
 */
final class ResendTimeout {

    /** Past this many sends awaiting an answer the bookkeeping starts afresh rather than grow without bound. */
    private static final int MAX_TRACKED = 100_000;

    private final long minMs;
    private final long maxMs;

    /** When each command sent exactly once, and not yet acknowledged, went out ({@link System#nanoTime()}). */
    private final ConcurrentHashMap<Long, Long> sentOnce = new ConcurrentHashMap<>();
    /** When each command sent more than once, and not yet acknowledged, last went out. */
    private final ConcurrentHashMap<Long, Long> resentAt = new ConcurrentHashMap<>();

    private double smoothedMs = -1;
    private double deviationMs;
    private volatile long timeoutMs;
    private volatile long samples;
    /** {@link System#nanoTime()} of the last doubling; none yet when {@link #backedOff} is false. */
    private long lastBackOffNanos;
    private boolean backedOff;

    /** How many times a command's delay doubles from the timeout before it stops growing. */
    private final int doublings;

    ResendTimeout(long initialMs, long minMs, long maxMs, int doublings) {
        this.minMs = Math.max(1, Math.min(minMs, maxMs));
        this.maxMs = Math.max(this.minMs, maxMs);
        this.doublings = Math.max(0, Math.min(20, doublings));
        this.timeoutMs = clamp(initialMs);
    }

    /**
     * Records that a command went out. A first send is measured when answered; a later one only notes when it went
     * out, to tell an answer to it from an answer to an earlier send.
     */
    void sent(long seqnum, boolean firstSend, long nowNanos) {
        if (sentOnce.size() + resentAt.size() >= MAX_TRACKED) {
            connectionChanged();
        }
        if (firstSend) {
            sentOnce.put(seqnum, nowNanos);
        } else {
            sentOnce.remove(seqnum);
            resentAt.put(seqnum, nowNanos);
        }
    }

    /**
     * Measures the round trip of every acknowledged command that was sent once, and backs off for every answer that
     * shows a resend was needless; repeated acknowledgements add nothing.
     */
    void acknowledged(List<Long> seqnums, long nowNanos) {
        for (long seqnum : seqnums) {
            Long sentAt = sentOnce.remove(seqnum);
            if (sentAt != null) {
                sample(TimeUnit.NANOSECONDS.toMicros(nowNanos - sentAt) / 1000.0);
                continue;
            }
            Long lastResent = resentAt.remove(seqnum);
            if (lastResent != null && nowNanos - lastResent < TimeUnit.MILLISECONDS.toNanos(halfRoundTripMs())) {
                backOff(nowNanos);
            }
        }
    }

    private synchronized long halfRoundTripMs() {
        return Math.round((smoothedMs < 0 ? timeoutMs : smoothedMs) / 2);
    }

    /** A resend was needless: the peer answers slower than the timeout says. */
    private synchronized void backOff(long nowNanos) {
        if (backedOff && nowNanos - lastBackOffNanos < TimeUnit.MILLISECONDS.toNanos(timeoutMs)) {
            return;
        }
        timeoutMs = clamp(timeoutMs * 2);
        lastBackOffNanos = nowNanos;
        backedOff = true;
    }

    /** A new connection: what was sent on the old one can no longer be measured; what was learned stays. */
    void connectionChanged() {
        sentOnce.clear();
        resentAt.clear();
    }

    /** The current timeout for a first resend, in milliseconds. */
    long millis() {
        return timeoutMs;
    }

    /**
     * The longest wait between two sends of one command, however often it was sent: the timeout doubled
     * {@code doublings} times, at most the ceiling.
     */
    long longestMillis() {
        return Math.min(maxMs, timeoutMs << doublings);
    }

    /** How many round trips it was learned from. */
    long samples() {
        return samples;
    }

    private synchronized void sample(double roundTripMs) {
        if (smoothedMs < 0) {
            smoothedMs = roundTripMs;
            deviationMs = roundTripMs / 2;
        } else {
            deviationMs = 0.75 * deviationMs + 0.25 * Math.abs(smoothedMs - roundTripMs);
            smoothedMs = 0.875 * smoothedMs + 0.125 * roundTripMs;
        }
        timeoutMs = clamp(Math.round(smoothedMs + 4 * deviationMs));
        samples++;
    }

    private long clamp(long ms) {
        return Math.max(minMs, Math.min(maxMs, ms));
    }
}
