package com.miniamazon.simulators.support;

import static org.awaitility.Awaitility.await;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A minimal protocol client for tests, written from the generated classes and protobuf's own
 * writeDelimitedTo/parseDelimitedFrom only (not the project's codec), over one buffered stream per direction.
 * It records every message it receives, acks received items when asked to, and can resend its own commands until
 * they are acked, as a well-behaved client must.
 *
 * @param <R> the message type the peer receives after the handshake
 */
public class TestPeer<R extends MessageLite> implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    public final List<R> received = new CopyOnWriteArrayList<>();
    /** Seqnums the other side acked. */
    public final java.util.Set<Long> acked = ConcurrentHashMap.newKeySet();
    /** Commands sent and not yet acked, by seqnum, for the resender. */
    private final Map<Long, MessageLite> outstanding = new ConcurrentHashMap<>();
    private volatile boolean peerClosed;
    private volatile Thread reader;
    private volatile ScheduledExecutorService resender;

    public TestPeer(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000); // a silent server fails the test instead of hanging it
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new BufferedInputStream(socket.getInputStream());
    }

    public synchronized void write(MessageLite m) throws IOException {
        m.writeDelimitedTo(out);
        out.flush();
    }

    /** Writes raw bytes (garbage tests). */
    public synchronized void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the handshake and reads its answer synchronously. */
    public <H> H handshake(MessageLite connect, Parser<H> answer) throws IOException {
        write(connect);
        H h = answer.parseDelimitedFrom(in);
        if (h == null) {
            throw new IOException("closed before the handshake answer");
        }
        return h;
    }

    /**
     * Starts reading messages of type R.
     *
     * @param acksOf the acks a message carries
     * @param itemSeqsOf the seqnums of the items a message carries
     * @param ackMessage builds a message that acks the given seqnums, or null not to ack automatically
     */
    public void startReading(Parser<R> parser, Function<R, List<Long>> acksOf, Function<R, List<Long>> itemSeqsOf,
            Function<List<Long>, MessageLite> ackMessage) {
        reader = new Thread(() -> {
            try {
                while (true) {
                    R m = parser.parseDelimitedFrom(in);
                    if (m == null) {
                        break;
                    }
                    received.add(m);
                    for (long a : acksOf.apply(m)) {
                        acked.add(a);
                        outstanding.remove(a);
                    }
                    List<Long> items = itemSeqsOf.apply(m);
                    if (ackMessage != null && !items.isEmpty()) {
                        write(ackMessage.apply(items));
                    }
                }
            } catch (IOException e) {
                // the connection ended: tests look at peerClosed
            } finally {
                peerClosed = true;
            }
        }, "test-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a command with one item and keeps resending it every {@code every} until its seqnum is acked. */
    public void sendReliably(long seqnum, MessageLite command) throws IOException {
        outstanding.put(seqnum, command);
        write(command);
    }

    /** Starts resending outstanding commands every {@code every}, as a client's resend timer. */
    public void startResending(Duration every) {
        resender = Executors.newSingleThreadScheduledExecutor();
        resender.scheduleAtFixedRate(() -> {
            try {
                for (MessageLite m : new ArrayList<>(outstanding.values())) {
                    write(m);
                }
            } catch (IOException e) {
                resender.shutdown();
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean peerClosed() {
        return peerClosed;
    }

    /** Items with each seqnum once, in arrival order: a client handles a resent item only once. */
    public static <T> java.util.stream.Stream<T> distinct(java.util.stream.Stream<T> items, java.util.function.ToLongFunction<T> seqnum) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return items.filter(i -> seen.add(seqnum.applyAsLong(i)));
    }

    /** Waits (bounded) until some received message satisfies the predicate, and returns it. */
    public R awaitMessage(Predicate<R> p) {
        return awaitMessage(Duration.ofSeconds(20), p);
    }

    public R awaitMessage(Duration timeout, Predicate<R> p) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(5)).until(() -> received.stream().anyMatch(p));
        return received.stream().filter(p).findFirst().orElseThrow();
    }

    public void awaitAck(long seqnum) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> acked.contains(seqnum));
    }

    public void awaitClosed() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(this::peerClosed);
    }

    @Override
    public void close() throws IOException {
        if (resender != null) {
            resender.shutdownNow();
        }
        socket.close();
    }
}
