package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.support.Catalog;
import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.FakeUps;
import com.miniamazon.it.support.HostileFrames;
import com.miniamazon.it.support.OwnStack;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.protocol.codec.FrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames no honest peer sends: random bytes, broken length prefixes, frames cut short, frames above the size
 * limit, messages lacking required fields, and well-formed nonsense. Sent at the simulators' listening ports, they
 * must not stop either simulator from serving the store; sent at the store by a hostile UPS it connects to, they
 * must cost the store only that one connection: no crash, no thread or memory growth, and the world connection
 * beside it keeps working. Counts: {@code -Dit.hostile.frames} (default 10,000 for each side).
 */
class HostileInputIT {

    private static final long SEED = Long.getLong("it.seed", System.nanoTime());
    private static final int FRAMES = Integer.getInteger("it.hostile.frames", 10_000);

    @TempDir
    Path workDir;

    @Test
    void garbageAtEverySimulatorPortLeavesTheSimulatorsServingTheStore() throws Exception {
        System.out.printf("HostileInputIT seed=%d frames=%d (rerun with -Dit.seed=%d)%n", SEED, FRAMES, SEED);
        SimulatedWorld simulators = SimulatedWorld.get();
        ShopClient customer = ShopClient.newCustomer("hostile-sim");
        long before = customer.placeOrder(Map.of(Catalog.productId("Wireless Mouse"), 1), 12, -7).json().get("orderId").asLong();

        // The simulators' own ports, not the chaos proxies in front of them: the garbage must reach the simulators.
        int[] amazonPorts = simulators.simulatorAmazonPorts();
        int[] ports = {amazonPorts[0], Integer.getInteger("it.world.ups.port", 13345), amazonPorts[1]};
        ExecutorService attackers = Executors.newFixedThreadPool(ports.length);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            int port = ports[i];
            boolean worldAmazonPort = i == 0;
            boolean upsAmazonPort = i == 2;
            Random random = new Random(SEED + i);
            results.add(attackers.submit(() -> attackSimulator(port, worldAmazonPort, upsAmazonPort, random, FRAMES / ports.length + 1)));
        }
        // Meanwhile a customer orders as usual.
        long during = customer.placeOrder(Map.of(Catalog.productId("Yoga Mat"), 1), -3, 9).json().get("orderId").asLong();
        long frames = 0;
        long connections = 0;
        for (Future<long[]> result : results) {
            long[] counts = result.get(5, TimeUnit.MINUTES);
            connections += counts[0];
            frames += counts[1];
        }
        attackers.shutdown();
        System.out.printf("HostileInputIT: %d hostile frame(s) over %d connection(s) to the simulators (seed %d)%n",
                frames, connections, SEED);

        assertThat(frames).isGreaterThanOrEqualTo(FRAMES);
        assertThat(simulators.bothRunning()).as("both simulators still run (seed %d)", SEED).isTrue();
        long after = customer.placeOrder(Map.of(Catalog.productId("Green Tea (100 Bags)"), 1), 20, 20).json().get("orderId").asLong();
        for (long orderId : List.of(before, during, after)) {
            await("order " + orderId + " delivered (seed " + SEED + ")").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> customer.status(orderId).equals("DELIVERED"));
        }
    }

    @Test
    void aHostileUpsCostsTheStoreOnlyThatConnection() throws Exception {
        System.out.printf("HostileInputIT seed=%d frames=%d (rerun with -Dit.seed=%d)%n", SEED, FRAMES, SEED);
        try (OwnStack stack = OwnStack.prepare("hostile", 150, workDir)) {
            stack.startSimulators(0, 0);
            long worldId = awaitUpsWorld(stack);
            try (FakeUps ups = new FakeUps(stack.extraPort(1), worldId, new Random(SEED))) {
                stack.startServer(Map.of("MINIAMAZON_UPS_PORT", String.valueOf(stack.extraPort(1))));
                ShopClient customer = ShopClient.newCustomer(stack.shopUrl(), "hostile-ups");
                long productId = firstProduct(stack);
                // The world connection works: an order is packed (no truck ever comes from this UPS).
                long warmUp = placeAndAwaitPacked(stack, customer, productId);
                long pid = stack.server().jvm().pid();
                Figures baseline = figures(stack);

                ups.attack(FRAMES, 49);
                List<Long> duringAttack = new ArrayList<>();
                AtomicLong placedDuring = new AtomicLong();
                await("hostile frames sent (seed " + SEED + ")").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            if (placedDuring.getAndIncrement() % 5 == 0) {
                                duringAttack.add(customer.placeOrder(Map.of(productId, 1), 4, 4).json().get("orderId").asLong());
                            }
                            return ups.attackOver();
                        });
                System.out.printf("HostileInputIT: store got %d nonsense frame(s) and %s breaking frame(s) over %d connection(s); "
                                + "it closed %d of them itself and kept %d (seed %d)%n",
                        ups.nonsenseSent(), ups.breakingSent(), ups.connections(), ups.closedByStore(), ups.keptOpen(), SEED);
                for (long orderId : duringAttack) {
                    awaitPacked(stack, customer, orderId);
                }
                long afterAttack = placeAndAwaitPacked(stack, customer, productId);
                Figures after = figures(stack);
                System.out.printf("HostileInputIT: store JVM before %s, after %s (seed %d)%n", baseline, after, SEED);

                long breaking = ups.breakingSent().values().stream().mapToLong(Integer::longValue).sum();
                assertThat(ups.nonsenseSent() + breaking).isGreaterThanOrEqualTo(FRAMES);
                assertThat(stack.server().jvm().pid()).as("the same JVM, never restarted").isEqualTo(pid);
                assertThat(ups.keptOpen()).as("connections the store kept after a breaking frame (seed %d)", SEED).isZero();
                assertThat(ups.closedByStore()).as("the store closed connections itself (seed %d)", SEED).isPositive();
                assertThat(after.threads()).as("threads (seed %d)", SEED).isLessThanOrEqualTo(baseline.threads() + 15);
                assertThat(after.heapUsed()).as("heap after a full GC (seed %d)", SEED)
                        .isLessThanOrEqualTo(baseline.heapUsed() + 64L * 1024 * 1024);
                assertThat(List.of(warmUp, afterAttack)).allSatisfy(id -> assertThat(customer.status(id)).isEqualTo("PACKED"));
            }
        }
    }

    /**
     * Opens connections to a simulator port and sends each a burst of hostile frames, until {@code frames} are
     * sent; returns {connections, frames}. A simulator closes a connection at its first bad frame, so bursts are
     * short. The UPS simulator serves one Amazon at a time and a new connection replaces the store's: only
     * breaking frames go there, never anything UPS would act on.
     */
    private static long[] attackSimulator(int port, boolean worldAmazonPort, boolean upsAmazonPort, Random random, long frames) {
        HostileFrames hostile = new HostileFrames(random);
        long sent = 0;
        long connections = 0;
        while (sent < frames) {
            connections++;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoLinger(true, 0);
                OutputStream out = socket.getOutputStream();
                int burst = 1 + random.nextInt(4);
                for (int i = 0; i < burst && sent < frames; i++) {
                    if (!upsAmazonPort && i == 0 && random.nextInt(4) == 0) {
                        out.write(FrameWriter.encode(hostile.refusedHandshake(worldAmazonPort)));
                    } else {
                        HostileFrames.Breaking kind = hostile.anyBreaking();
                        out.write(hostile.breaking(kind, hostile.refusedHandshake(worldAmazonPort)));
                    }
                    sent++;
                }
                out.flush();
            } catch (IOException e) {
                // the simulator closed the connection first, as it may
            }
        }
        return new long[] {connections, sent};
    }

    private static long awaitUpsWorld(OwnStack stack) {
        long[] world = {0};
        await("UPS created its world").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection db = Database.connect(stack.upsDatabase())) {
                List<String> ids = Database.column(db, "select world_id from ups_state where world_id is not null");
                if (ids.isEmpty()) {
                    return false;
                }
                world[0] = Long.parseLong(ids.get(0));
                return true;
            }
        });
        return world[0];
    }

    private static long firstProduct(OwnStack stack) throws Exception {
        try (Connection db = stack.shopDb()) {
            return Long.parseLong(Database.column(db, "select id from product where active order by id limit 1").get(0));
        }
    }

    private static long placeAndAwaitPacked(OwnStack stack, ShopClient customer, long productId) {
        ShopClient.Reply placed = customer.placeOrder(Map.of(productId, 1), 5, 5);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long orderId = placed.json().get("orderId").asLong();
        awaitPacked(stack, customer, orderId);
        return orderId;
    }

    private static void awaitPacked(OwnStack stack, ShopClient customer, long orderId) {
        await("order " + orderId + " packed by the world (seed " + SEED + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> customer.status(orderId).equals("PACKED"));
    }

    /** Live threads and heap in use right after a full GC, as the management API reports them. */
    private static Figures figures(OwnStack stack) throws Exception {
        String output = stack.server().manage("/core-service=platform-mbean/type=memory:gc");
        output = stack.server().manage("/core-service=platform-mbean/type=threading:read-attribute(name=thread-count)");
        long threads = number(Pattern.compile("\"result\" => (\\d+)"), output);
        output = stack.server().manage("/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)");
        long heap = number(Pattern.compile("\"used\" => (\\d+)L?"), output);
        return new Figures(threads, heap);
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + pattern + " in " + text);
        }
        return Long.parseLong(m.group(1));
    }

    private record Figures(long threads, long heapUsed) {
        @Override
        public String toString() {
            return threads + " threads, " + heapUsed / (1024 * 1024) + " MiB heap after GC";
        }
    }
}
