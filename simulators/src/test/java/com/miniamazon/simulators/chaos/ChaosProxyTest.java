package com.miniamazon.simulators.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy over real loopback sockets: a client writes numbered frames, a server behind the proxy records what
 * arrives whole, and each test checks what a peer would see. Every proxy's seed is in the failure message.
 */
class ChaosProxyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long SEED = Long.getLong("chaos.seed", 20261126L);

    private RecordingServer server;
    private ChaosProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = new RecordingServer();
        proxy = ChaosProxy.start("test", 0, server.address(), SEED);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    @Test
    void passesEveryFrameThroughInOrderBothWays() throws Exception {
        try (Client client = new Client(proxy.port())) {
            client.send(1, 200);
            await().atMost(WAIT).until(() -> server.received().size() == 200);
            assertThat(server.received()).as(seed()).containsExactlyElementsOf(range(1, 200));

            server.reply(List.of(7L, 8L, 9L));
            assertThat(List.of(client.next(), client.next(), client.next())).containsExactly(7L, 8L, 9L);
        }
    }

    @Test
    void dropsTheSeededShareOfFramesButNeverTheHandshake() throws Exception {
        proxy.faults(Direction.TO_SERVER, Faults.NONE.withDrop(50));
        try (Client client = new Client(proxy.port())) {
            client.send(1, 400);
            await().atMost(WAIT).until(() -> proxy.stats().toServer().frames() == 400);
            await().atMost(WAIT).until(() -> server.received().size() == 400 - proxy.stats().toServer().dropped());
        }
        List<Long> received = server.received();
        long dropped = proxy.stats().toServer().dropped();
        assertThat(received.get(0)).as("the first frame is the handshake: " + seed()).isEqualTo(1L);
        assertThat(received).as("what arrives keeps its order: " + seed()).isSorted();
        assertThat(dropped).as(seed()).isBetween(140L, 260L);
    }

    @Test
    void theSameSeedDropsTheSameFrames() throws Exception {
        proxy.faults(Direction.TO_SERVER, Faults.NONE.withDrop(30));
        List<Long> first = sendAndCollect(proxy, 100);
        try (ChaosProxy again = ChaosProxy.start("again", 0, server.address(), SEED)) {
            again.faults(Direction.TO_SERVER, Faults.NONE.withDrop(30));
            server.clear();
            List<Long> second = sendAndCollect(again, 100);
            assertThat(second).as(seed()).isEqualTo(first);
        }
    }

    @Test
    void duplicatesFramesRightAfterThemselves() throws Exception {
        proxy.faults(Direction.TO_SERVER, Faults.NONE.withDuplicate(100));
        try (Client client = new Client(proxy.port())) {
            client.send(1, 4);
            await().atMost(WAIT).until(() -> server.received().size() == 7);
        }
        assertThat(server.received()).as(seed()).containsExactly(1L, 2L, 2L, 3L, 3L, 4L, 4L);
    }

    @Test
    void reordersByHoldingAFrameBehindTheNextAndReleasesALoneOneLater() throws Exception {
        proxy.faults(Direction.TO_SERVER, Faults.NONE.withReorder(100));
        try (Client client = new Client(proxy.port())) {
            client.send(1, 6);
            await().atMost(WAIT).until(() -> server.received().size() == 6);
        }
        assertThat(server.received()).as(seed()).containsExactly(1L, 3L, 2L, 5L, 4L, 6L);
        assertThat(proxy.stats().toServer().reordered()).isEqualTo(3);
    }

    @Test
    void splitFramesArriveWholeAtTheOtherEnd() throws Exception {
        proxy.faults(Faults.NONE.withSplit(100).withDelay(5));
        try (Client client = new Client(proxy.port())) {
            client.send(1, 100);
            await().atMost(WAIT).until(() -> server.received().size() == 100);
            server.reply(List.of(42L));
            assertThat(client.next()).isEqualTo(42L);
        }
        assertThat(server.received()).as(seed()).containsExactlyElementsOf(range(1, 100));
        assertThat(proxy.stats().toServer().split()).isEqualTo(100);
        assertThat(proxy.stats().toServer().delayed()).isEqualTo(100);
    }

    @Test
    void cuttingClosesTheClientsConnectionAndTheClientMayConnectAgain() throws Exception {
        try (Client client = new Client(proxy.port())) {
            client.send(1, 1);
            await().atMost(WAIT).until(() -> server.received().size() == 1);
            proxy.cutNow();
            assertThat(client.next()).as("end of stream after the cut").isNull();
        }
        try (Client again = new Client(proxy.port())) {
            again.send(2, 2);
            await().atMost(WAIT).until(() -> server.received().size() == 2);
        }
        assertThat(proxy.stats().cuts()).isEqualTo(1);
        assertThat(proxy.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void cutsEveryPeriodUntilStopped() throws Exception {
        proxy.cutEvery(Duration.ofMillis(200));
        try (Client client = new Client(proxy.port())) {
            assertThat(client.next()).as("end of stream after a periodic cut").isNull();
        }
        proxy.stopCutting();
        try (Client again = new Client(proxy.port())) {
            again.send(1, 1);
            await().atMost(WAIT).until(() -> server.received().size() == 1);
        }
    }

    @Test
    void aClientIsClosedAtOnceWhenTheServerIsAway() throws Exception {
        InetSocketAddress nowhere;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = new InetSocketAddress("127.0.0.1", s.getLocalPort());
        }
        proxy.target(nowhere);
        try (Client client = new Client(proxy.port())) {
            assertThat(client.next()).isNull();
        }
        assertThat(proxy.stats().refused()).isEqualTo(1);
    }

    private List<Long> sendAndCollect(ChaosProxy p, int count) throws Exception {
        try (Client client = new Client(p.port())) {
            client.send(1, count);
            await().atMost(WAIT).until(() -> p.stats().toServer().frames() == count);
            await().atMost(WAIT).until(() -> server.received().size() == count - p.stats().toServer().dropped());
        }
        return server.received();
    }

    private String seed() {
        return "seed " + proxy.seed() + " (replay with -Dchaos.seed=" + proxy.seed() + ")";
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** A client that writes frames numbered by their one ack, and reads the server's. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final FrameWriter writer;
        private final FrameReader<ACommands> reader;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000); // a proxy that loses a frame fails the test instead of hanging it
            writer = new FrameWriter(socket.getOutputStream());
            reader = new FrameReader<>(new BufferedInputStream(socket.getInputStream()), ACommands.parser());
        }

        void send(long from, long to) throws IOException {
            for (long i = from; i <= to; i++) {
                writer.write(ACommands.newBuilder().addAcks(i).build());
            }
        }

        /** The number of the next frame, or null at end of stream. */
        Long next() throws IOException {
            try {
                ACommands m = reader.read();
                return m == null ? null : m.getAcks(0);
            } catch (java.net.SocketException e) {
                return null; // reset by the proxy: also an end
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The server behind the proxy: records the number of every whole frame, from any connection, in order. */
    private static final class RecordingServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Long> received = new CopyOnWriteArrayList<>();
        private volatile FrameWriter last;

        RecordingServer() throws IOException {
            Thread t = new Thread(this::accept, "recording server");
            t.setDaemon(true);
            t.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
        }

        List<Long> received() {
            return new ArrayList<>(received);
        }

        void clear() {
            received.clear();
        }

        void reply(List<Long> numbers) throws IOException {
            for (long n : numbers) {
                last.write(ACommands.newBuilder().addAcks(n).build());
            }
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    last = new FrameWriter(s.getOutputStream());
                    Thread t = new Thread(() -> read(s), "recording server reader");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void read(Socket s) {
            try (s) {
                FrameReader<ACommands> reader = new FrameReader<>(new BufferedInputStream(s.getInputStream()), ACommands.parser());
                for (ACommands m; (m = reader.read()) != null; ) {
                    received.add(m.getAcks(0));
                }
            } catch (IOException e) {
                // the proxy cut or closed the connection: nothing more arrives on it
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
