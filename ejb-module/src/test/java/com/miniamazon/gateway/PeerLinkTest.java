package com.miniamazon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.world.ACommands;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection's own rules, against a scripted peer on a loopback socket and an outbox kept in memory: when it
 * gives a silent peer up, and that replaying after a reconnect and the senders never send a command twice.
 * Frames here carry commands as bare seqnums (in {@code acks}), which is all the peer needs to count them.
 */
class PeerLinkTest {

    private final ScriptedPeer peer = new ScriptedPeer();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final GatewaySettings settings = new GatewaySettings();
    private TestLink link;
    private Thread linkThread;

    @BeforeEach
    void settings() {
        settings.worldHost = "127.0.0.1";
        settings.connectTimeoutMs = 2000;
        settings.resendInitialMs = 60_000; // no resend falls due during a test unless the test says so
        settings.resendMinMs = 60_000; // however fast the peer answers
        settings.resendMaxMs = 60_000;
        settings.resendDoublings = 2;
        settings.batchSize = 10;
        settings.reconnectMaxMs = 500;
        settings.silenceTimeoutMs = 30_000;
    }

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.stop();
            linkThread.join(5_000);
        }
        peer.close();
    }

    @Test
    void aPeerSilentAfterACommandIsGivenUpAndReconnected() {
        settings.silenceTimeoutMs = 500;
        outbox.add(1);
        start();

        await().atMost(Duration.ofSeconds(10)).until(() -> peer.connections.get() >= 2);
        assertThat(link.status().lastProblem()).contains("silent");
    }

    @Test
    void resendsDoNotRestartTheSilenceClock() throws Exception {
        settings.silenceTimeoutMs = 1_000;
        settings.resendInitialMs = 50; // the command is resent every 50 ms: traffic goes out all the time
        settings.resendMinMs = 50;
        settings.resendMaxMs = 50;
        outbox.add(1);
        start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleWithFixedDelay(link::sendDue, 20, 20, TimeUnit.MILLISECONDS); // the resend timer's ticks
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> peer.connections.get() >= 2);
            assertThat(peer.received.size()).as("resends went out meanwhile").isGreaterThan(2);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aPeerThatAnswersKeepsTheConnection() throws Exception {
        settings.silenceTimeoutMs = 1_000;
        peer.answering = true;
        for (long s = 1; s <= 5; s++) {
            outbox.add(s);
        }
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> peer.received.size() >= 5);
        // The peer answered every frame, so nothing waits: the connection stays well past the timeout.
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> peer.connections.get() == 1);
        outbox.add(6);
        link.sendDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> peer.received.contains(6L));
        assertThat(peer.connections.get()).isEqualTo(1);
    }

    @Test
    void theResendTimeoutIsLearnedFromThePeersAnswers() {
        settings.resendMinMs = 100;
        peer.answering = true;
        start();
        assertThat(link.status().resendTimeoutMs()).as("before any answer").isEqualTo(60_000);
        for (long s = 1; s <= 5; s++) {
            outbox.add(s);
        }
        link.sendDue();
        // A peer on the loopback answers within milliseconds: the timeout falls to its floor, and the answered
        // commands are no longer waiting.
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status().resendTimeoutMs() == 100);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog(Peer.WORLD) == 0);
    }

    @Test
    void replayingAfterAReconnectAndConcurrentSendersSendEachCommandOnce() throws Exception {
        for (long s = 1; s <= 2_000; s++) {
            outbox.add(s);
        }
        AtomicInteger calls = new AtomicInteger();
        Thread senders = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                link.sendDue(); // what the resend timer and commits do, all the time
                calls.incrementAndGet();
            }
        });
        start();
        senders.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> peer.distinct().size() == 2_000);
        } finally {
            senders.interrupt();
            senders.join();
        }
        assertThat(calls.get()).as("senders ran during the replay").isPositive();
        assertThat(peer.received).as("every unacknowledged command sent once").hasSize(2_000);
    }

    private void start() {
        settings.worldPort = peer.port();
        link = new TestLink(outbox, settings);
        linkThread = new Thread(link, "test-link");
        linkThread.start();
    }

    /** A link whose frames carry the commands' seqnums, and which applies nothing it receives. */
    private static final class TestLink extends PeerLink<ACommands> {
        TestLink(OutboxStore outbox, GatewaySettings settings) {
            super(Peer.WORLD, ACommands.parser(), outbox, null, settings);
        }

        @Override
        protected InetSocketAddress address() {
            return new InetSocketAddress(settings.worldHost(), settings.worldPort());
        }

        @Override
        protected void handshake(FrameReader<ACommands> reader, FrameWriter writer) {
            // none: the peer speaks the frames' protocol from the first byte
        }

        @Override
        protected List<Long> receive(ACommands message) {
            recordAcknowledgements(message.getAcksList());
            return List.of();
        }

        @Override
        protected boolean finished(ACommands message) {
            return false;
        }

        @Override
        protected MessageLite frame(List<OutboxMessage> commands, List<Long> acks) {
            ACommands.Builder frame = ACommands.newBuilder();
            commands.forEach(c -> frame.addAcks(c.getSeqnum()));
            return frame.build();
        }
    }

    /** The outbox's bookkeeping in memory, with the same promises as the database's: due, sent, backed off. */
    private static final class MemoryOutbox extends OutboxStore {
        private final Map<Long, OutboxMessage> rows = new ConcurrentSkipListMap<>();
        private final Map<Long, Instant> nextSend = new ConcurrentHashMap<>();

        void add(long seqnum) {
            rows.put(seqnum, new OutboxMessage(seqnum, Peer.WORLD, "PACK", new byte[0], null, Instant.now()));
            nextSend.put(seqnum, Instant.now());
        }

        @Override
        public synchronized List<OutboxMessage> takeDue(Peer p, int limit, long initialMs, long maxMs) {
            Instant now = Instant.now();
            List<OutboxMessage> due = rows.values().stream()
                    .filter(m -> !nextSend.get(m.getSeqnum()).isAfter(now)).limit(limit).toList();
            markSent(due.stream().map(OutboxMessage::getSeqnum).toList(), initialMs, maxMs);
            due.forEach(MemoryOutbox::countSend);
            return due;
        }

        /** What the database's update does to a taken row: its send count includes this send. */
        private static void countSend(OutboxMessage message) {
            try {
                java.lang.reflect.Field count = OutboxMessage.class.getDeclaredField("sendCount");
                count.setAccessible(true);
                count.setInt(message, count.getInt(message) + 1);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<OutboxMessage> unacknowledged(Peer p, long afterSeqnum, int limit) {
            return rows.values().stream().filter(m -> m.getSeqnum() > afterSeqnum).limit(limit).toList();
        }

        @Override
        public synchronized void markSent(List<Long> seqnums, long initialMs, long maxMs) {
            Instant next = Instant.now().plusMillis(initialMs);
            seqnums.forEach(s -> nextSend.put(s, next));
        }

        @Override
        public List<Duration> markAcknowledged(Peer p, List<Long> seqnums) {
            seqnums.forEach(rows::remove);
            return List.of();
        }

        @Override
        public long backlog(Peer p) {
            return rows.size();
        }
    }

    /** The other end: counts connections, records every seqnum received, and answers each frame when told to. */
    private static final class ScriptedPeer implements AutoCloseable {
        private final ServerSocket listener;
        final AtomicInteger connections = new AtomicInteger();
        final List<Long> received = new CopyOnWriteArrayList<>();
        volatile boolean answering;

        ScriptedPeer() {
            try {
                listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread t = new Thread(this::accept, "scripted-peer");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        List<Long> distinct() {
            return new ArrayList<>(new java.util.TreeSet<>(received));
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "scripted-peer-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                FrameReader<ACommands> reader = new FrameReader<>(new BufferedInputStream(s.getInputStream()), ACommands.parser());
                FrameWriter writer = new FrameWriter(s.getOutputStream());
                for (ACommands m; (m = reader.read()) != null; ) {
                    received.addAll(m.getAcksList());
                    if (answering && m.getAcksCount() > 0) {
                        writer.write(ACommands.newBuilder().addAllAcks(m.getAcksList()).build());
                    }
                }
            } catch (IOException e) {
                // the link closed this connection
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
