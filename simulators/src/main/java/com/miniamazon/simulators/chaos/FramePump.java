package com.miniamazon.simulators.chaos;

import com.miniamazon.protocol.codec.FrameDecoder;
import com.miniamazon.protocol.codec.FrameException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One direction of one proxied connection: a reader thread cuts the byte stream into frames with
 * {@link FrameDecoder} and queues them, stamped with the time they were read; a writer thread takes them in order
 * and applies the direction's current {@link Faults} to each before writing it. A clean end of stream closes the
 * whole connection through {@code onEnd} once the frames read before it are written (a peer's last words, such
 * as a refused handshake, arrive); a failure (a broken frame, a failed read or write) closes it at once.
 */
final class FramePump {

    private static final Logger LOG = Logger.getLogger(FramePump.class);
    private static final Frame END = new Frame(new byte[0], 0);

    private final String label;
    private final InputStream in;
    private final OutputStream out;
    private final Supplier<Faults> faults;
    private final Random random;
    private final ChaosProxy.DirectionCounters counters;
    private final Consumer<byte[]> tap;
    private final Consumer<String> onEnd;
    private final BlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
    private boolean first = true;
    private Frame held;
    private long heldUntil;

    FramePump(String label, InputStream in, OutputStream out, Supplier<Faults> faults, Random random,
            ChaosProxy.DirectionCounters counters, Consumer<byte[]> tap, Consumer<String> onEnd) {
        this.label = label;
        this.in = in;
        this.out = out;
        this.faults = faults;
        this.random = random;
        this.counters = counters;
        this.tap = tap;
        this.onEnd = onEnd;
    }

    void start() {
        ChaosProxy.daemon(this::readLoop, "chaos read " + label).start();
        ChaosProxy.daemon(this::writeLoop, "chaos write " + label).start();
    }

    private void readLoop() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] buffer = new byte[16 * 1024];
        String reason = null; // none: a clean end, and the writer closes once it has written what is queued
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                long now = System.nanoTime();
                for (byte[] payload : decoder.feed(buffer, 0, n)) {
                    tap.accept(payload);
                    queue.add(new Frame(payload, now));
                }
            }
        } catch (FrameException e) {
            reason = "broken framing: " + e.getMessage();
            LOG.warnf("chaos %s: %s", label, reason);
        } catch (IOException e) {
            reason = "read failed: " + e.getMessage();
        } finally {
            queue.add(END);
            if (reason != null) {
                onEnd.accept(reason);
            }
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Frame frame;
                if (held == null) {
                    frame = queue.take();
                } else {
                    frame = queue.poll(Math.max(0, heldUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (frame == null) {
                        write(held, faults.get()); // no successor came: the held frame goes alone
                        held = null;
                        continue;
                    }
                }
                if (frame == END) {
                    if (held != null) {
                        write(held, faults.get());
                    }
                    onEnd.accept("end of stream"); // the last frames (a goodbye, a refusal) went out first
                    return;
                }
                handle(frame);
            }
        } catch (IOException e) {
            onEnd.accept("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onEnd.accept("interrupted");
        }
    }

    private void handle(Frame frame) throws IOException, InterruptedException {
        Faults f = faults.get();
        counters.frames.incrementAndGet();
        boolean spared = first; // the handshake: see ChaosProxy
        first = false;
        if (!spared && chance(f.dropPercent())) {
            counters.dropped.incrementAndGet();
            return;
        }
        if (f.delayMillis() > 0) {
            long due = frame.readAt() + TimeUnit.MILLISECONDS.toNanos(f.delayMillis());
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            counters.delayed.incrementAndGet();
        }
        if (!spared && held == null && chance(f.reorderPercent())) {
            held = frame;
            heldUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Faults.REORDER_HOLD_MILLIS);
            counters.reordered.incrementAndGet();
            return;
        }
        write(frame, f);
        if (!spared && chance(f.duplicatePercent())) {
            counters.duplicated.incrementAndGet();
            write(frame, f);
        }
        if (held != null) {
            write(held, f);
            held = null;
        }
    }

    /** Writes one frame whole, or in pieces each flushed on its own. */
    private void write(Frame frame, Faults f) throws IOException {
        byte[] bytes = frame.encoded();
        if (bytes.length > 1 && chance(f.splitPercent())) {
            counters.split.incrementAndGet();
            int pieces = 2 + random.nextInt(3);
            int[] cuts = new int[pieces - 1];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = 1 + random.nextInt(bytes.length - 1);
            }
            Arrays.sort(cuts);
            int from = 0;
            for (int cut : cuts) {
                if (cut > from) {
                    out.write(bytes, from, cut - from);
                    out.flush();
                    pause(); // give the reader a chance to see the piece alone
                    from = cut;
                }
            }
            out.write(bytes, from, bytes.length - from);
        } else {
            out.write(bytes);
        }
        out.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean chance(int percent) {
        return percent > 0 && (percent >= 100 || random.nextInt(100) < percent);
    }

    /** One frame's payload and when it was read. */
    private record Frame(byte[] payload, long readAt) {
        /** Length prefix (base-128 varint) and payload, as on the wire. */
        byte[] encoded() {
            byte[] prefix = new byte[5];
            int n = 0;
            int length = payload.length;
            while ((length & ~0x7f) != 0) {
                prefix[n++] = (byte) ((length & 0x7f) | 0x80);
                length >>>= 7;
            }
            prefix[n++] = (byte) length;
            byte[] frame = Arrays.copyOf(prefix, n + payload.length);
            System.arraycopy(payload, 0, frame, n, payload.length);
            return frame;
        }
    }
}
