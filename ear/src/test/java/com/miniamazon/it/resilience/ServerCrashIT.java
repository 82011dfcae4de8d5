package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.OwnStack;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.WorldRecords;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WildFly dies by SIGKILL three times while customers keep ordering, at moments a seeded random number picks,
 * and comes back each time on the same database. Customers whose checkout was cut off submit it again (same
 * idempotency key), as the API tells them to. Afterwards every order is delivered exactly once: the world packed
 * and loaded each shipid once and UPS delivered it once, each customer sees exactly the orders they placed, and
 * none is left behind. Runs on a stack of its own, so the build's shared server is never touched.
 */
class ServerCrashIT {

    private static final long SEED = Long.getLong("it.seed", System.nanoTime());
    private static final int ORDERS = Integer.getInteger("it.crash.orders", 60);
    private static final int CUSTOMERS = 6;
    private static final int CRASHES = 3;

    @TempDir
    static Path workDir;

    private static OwnStack stack;

    @BeforeAll
    static void ownStack() throws Exception {
        System.out.printf("ServerCrashIT seed=%d (rerun with -Dit.seed=%d)%n", SEED, SEED);
        stack = OwnStack.prepare("crash", 100, workDir);
        stack.startSimulators(0, 0);
        stack.startServer(Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void ordersPlacedWhileTheServerIsKilledThreeTimesAreAllDeliveredExactlyOnce() throws Exception {
        Random random = new Random(SEED);
        List<Long> products = products();
        List<ShopClient> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(ShopClient.newCustomer(stack.shopUrl(), "crash" + i));
        }
        List<PlannedOrder> plan = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Map<Long, Integer> items = new LinkedHashMap<>();
            int lines = 1 + random.nextInt(3);
            while (items.size() < lines) {
                items.put(products.get(random.nextInt(products.size())), 1 + random.nextInt(3));
            }
            plan.add(new PlannedOrder(i, customers.get(i % CUSTOMERS), new UUID(random.nextLong(), random.nextLong()),
                    items, random.nextInt(101) - 50, random.nextInt(101) - 50));
        }
        TreeSet<Integer> crashPoints = new TreeSet<>();
        while (crashPoints.size() < CRASHES) {
            crashPoints.add(3 + random.nextInt(ORDERS - 6));
        }
        System.out.printf("ServerCrashIT seed=%d: %d orders, SIGKILL after order(s) %s%n", SEED, ORDERS, crashPoints);

        Map<Integer, Long> placed = new ConcurrentHashMap<>();
        List<String> resubmissions = new CopyOnWriteArrayList<>();
        ExecutorService shopper = Executors.newSingleThreadExecutor();
        Future<?> shopping = shopper.submit(() -> {
            for (PlannedOrder order : plan) {
                placed.put(order.index(), placeUntilAnswered(order, resubmissions));
            }
        });
        try {
            for (int crashAfter : crashPoints) {
                await("order " + crashAfter + " placed (seed " + SEED + ")").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> placed.size() >= crashAfter || shopping.isDone());
                stack.server().kill();
                System.out.printf("ServerCrashIT: SIGKILL after %d order(s) placed%n", placed.size());
                stack.restartServer();
            }
            shopping.get(10, TimeUnit.MINUTES);
        } finally {
            shopper.shutdownNow();
        }
        System.out.printf("ServerCrashIT: %d checkout(s) had to be submitted again: %s%n", resubmissions.size(), resubmissions);
        assertThat(placed).as("seed %d", SEED).hasSize(ORDERS);
        List<Long> orderIds = new ArrayList<>(placed.values());
        assertThat(new TreeSet<>(orderIds)).as("one order per checkout, seed %d", SEED).hasSize(ORDERS);

        try {
            await("every order delivered (seed " + SEED + ")").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> countDelivered(orderIds) == ORDERS);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not every order was delivered (seed " + SEED + "): " + undelivered(orderIds), e);
        }

        // What each customer sees: exactly their orders, each delivered, each with one shipment.
        List<Long> shipIds = new ArrayList<>();
        for (ShopClient customer : customers) {
            JsonNode list = customer.get("api/orders?max=100").json(); // the list is paged, 20 a page by default
            long expected = plan.stream().filter(p -> p.customer() == customer).count();
            assertThat(list).as("%s's orders (seed %d)", customer.email(), SEED).hasSize((int) expected);
        }
        for (PlannedOrder order : plan) {
            JsonNode detail = order.customer().order(placed.get(order.index())).json();
            assertThat(detail.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(detail.get("shipments")).as("order %d (seed %d)", order.index(), SEED).hasSize(1);
            shipIds.add(detail.get("shipments").get(0).get("trackingNumber").asLong());
        }

        // What the world and UPS recorded: each package packed once, loaded once, delivered once.
        Map<Long, Long> once = new HashMap<>();
        shipIds.forEach(id -> once.put(id, 1L));
        assertThat(WorldRecords.worldEventsPerPackage(stack.worldDatabase(), "packed", shipIds)).as("packed, seed %d", SEED).isEqualTo(once);
        assertThat(WorldRecords.worldEventsPerPackage(stack.worldDatabase(), "loaded", shipIds)).as("loaded, seed %d", SEED).isEqualTo(once);
        assertThat(WorldRecords.upsEventsPerShipment(stack.upsDatabase(), "delivered", shipIds)).as("delivered, seed %d", SEED).isEqualTo(once);
        assertThat(stack.server().serverLog()).as("seed %d", SEED).doesNotContain("deadlock detected");
    }

    /** Submits the checkout until the shop answers it, with the same idempotency key each time; returns the order id. */
    private static long placeUntilAnswered(PlannedOrder order, List<String> resubmissions) {
        long[] orderId = {0};
        int[] attempts = {0};
        await("checkout " + order.index() + " answered (seed " + SEED + ")").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    attempts[0]++;
                    ShopClient.Reply reply;
                    try {
                        reply = order.customer().placeOrder(order.key(), order.items(), order.x(), order.y(), null);
                    } catch (UncheckedIOException e) {
                        return false; // the server is down or died mid-request: submit again
                    }
                    if (reply.status() == 201 || reply.status() == 200) {
                        orderId[0] = reply.json().get("orderId").asLong();
                        return true;
                    }
                    if (reply.status() >= 500 || reply.status() == 404) {
                        return false; // starting up, or the application not deployed yet
                    }
                    throw new AssertionError("checkout " + order.index() + " refused (seed " + SEED + "): " + reply);
                });
        if (attempts[0] > 1) {
            resubmissions.add(order.index() + "x" + attempts[0]);
        }
        return orderId[0];
    }

    private static List<Long> products() throws Exception {
        try (Connection db = stack.shopDb()) {
            return Database.column(db, "select id from product where active order by id limit 12").stream().map(Long::valueOf).toList();
        }
    }

    private static long countDelivered(List<Long> orderIds) throws Exception {
        try (Connection db = stack.shopDb()) {
            return Database.count(db, "select count(*) from customer_order where status = 'DELIVERED' and id = any(?)",
                    db.createArrayOf("bigint", orderIds.toArray()));
        }
    }

    private static List<String> undelivered(List<Long> orderIds) throws Exception {
        try (Connection db = stack.shopDb()) {
            return Database.column(db, """
                    select o.id || ' ' || o.status || ' problem=' || coalesce(o.problem, '-') from customer_order o
                    where o.status <> 'DELIVERED' and o.id = any(?) order by o.id""",
                    db.createArrayOf("bigint", orderIds.toArray()));
        }
    }

    private record PlannedOrder(int index, ShopClient customer, UUID key, Map<Long, Integer> items, int x, int y) {}
}
