package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.OwnStack;
import com.miniamazon.it.support.ShopClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hundred buyers check out at the same instant, through the API, for three products of which each warehouse
 * holds two units, over a network that drops 30 % of commands to the world and to UPS. Stock is watched while
 * they race: never negative, in the store's book or on the world's shelves. Afterwards every order is
 * delivered, and the store's book agrees unit for unit with what the world says its warehouses hold, so no unit
 * was sold twice (the world would have refused to pack it) and none was lost. The server's log shows no
 * deadlock and no optimistic-lock failure: acceptance, checkouts and reports on the same orders and shipments
 * wait for each other instead of failing.
 */
class ScarceStockIT {

    private static final long SEED = Long.getLong("it.seed", System.nanoTime());
    private static final int BUYERS = Integer.getInteger("it.scarce.buyers", 100);
    private static final int SCARCE_PRODUCTS = 3;
    private static final int UNITS_PER_WAREHOUSE = 2;

    @TempDir
    static Path workDir;

    private static OwnStack stack;

    @BeforeAll
    static void ownStack() throws Exception {
        System.out.printf("ScarceStockIT seed=%d (rerun with -Dit.seed=%d)%n", SEED, SEED);
        stack = OwnStack.prepare("scarce", 120, workDir);
        stack.startSimulators(30, 30);
        // Every warehouse starts with two units of everything; a short warehouse buys exactly what it lacks.
        stack.startServer(Map.of("MINIAMAZON_INITIAL_STOCK_UNITS", String.valueOf(UNITS_PER_WAREHOUSE),
                "MINIAMAZON_RESTOCK_UNITS", "0"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aHundredBuyersRacingForScarceUnitsNeverOversellAndAllGetTheirOrders() throws Exception {
        Random random = new Random(SEED);
        List<Long> scarce;
        try (Connection db = stack.shopDb()) {
            scarce = Database.column(db, "select id from product where active order by id limit " + SCARCE_PRODUCTS)
                    .stream().map(Long::valueOf).toList();
        }
        await("the first stock arrived").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> stockSettled(scarce));

        // Accounts are opened a few at a time: each costs a deliberately slow password hash.
        ExecutorService registrations = Executors.newFixedThreadPool(4);
        List<Future<ShopClient>> registering = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            int n = i;
            registering.add(registrations.submit(() -> ShopClient.newCustomer(stack.shopUrl(), "buyer" + n)));
        }
        List<ShopClient> buyers = new ArrayList<>();
        for (Future<ShopClient> f : registering) {
            // All hundred arrive at once and each checks its password hash first: on two cores the last answer
            // may take minutes, which is not what this test is about.
            buyers.add(f.get(10, TimeUnit.MINUTES).waitingUpTo(Duration.ofMinutes(5)));
        }
        registrations.shutdown();
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<Map<Long, Integer>> baskets = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Map<Long, Integer> basket = new TreeMap<>();
            int lines = 1 + random.nextInt(SCARCE_PRODUCTS);
            while (basket.size() < lines) {
                basket.put(scarce.get(random.nextInt(scarce.size())), 1 + random.nextInt(2));
            }
            baskets.add(basket);
        }

        StockWatch watch = new StockWatch();
        Thread watcher = new Thread(watch, "stock-watch");
        watcher.start();
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, ShopClient.Reply> replies = new ConcurrentHashMap<>();
        List<Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            int n = i;
            racing.add(pool.submit(() -> {
                go.await();
                replies.put(n, buyers.get(n).placeOrder(UUID.randomUUID(), baskets.get(n), random(n, 40), random(n + 7, 40), null));
                return null;
            }));
        }
        long raceStarted = System.nanoTime();
        go.countDown();
        for (Future<?> f : racing) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Map<String, Long> acknowledgements = new TreeMap<>();
        replies.values().forEach(r -> acknowledgements.merge(r.status() == 201 ? r.json().get("acknowledgement").asText() : "status " + r.status(), 1L, Long::sum));
        System.out.printf("ScarceStockIT: %d simultaneous checkouts answered within %.1f s: %s (seed %d)%n",
                BUYERS, (System.nanoTime() - raceStarted) / 1e9, acknowledgements, SEED);

        Map<Integer, Long> orders = new TreeMap<>();
        replies.forEach((n, reply) -> {
            assertThat(reply.status()).as("buyer %d: %s (seed %d)", n, reply.body(), SEED).isEqualTo(201);
            orders.put(n, reply.json().get("orderId").asLong());
        });
        List<Long> orderIds = new ArrayList<>(orders.values());
        try {
            await("every order delivered (seed " + SEED + ")").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count("select count(*) from customer_order where status = 'DELIVERED' and id = any(?)", orderIds) == BUYERS);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            try (Connection db = stack.shopDb()) {
                throw new AssertionError("not every order was delivered (seed " + SEED + "): " + Database.column(db, """
                        select o.id || ' ' || o.status || ' lines ' || string_agg(l.product_id || 'x' || l.quantity
                               || (case when l.claimed then ' claimed' else ' short' end), ', ')
                        from customer_order o join shipment s on s.order_id = o.id join shipment_line l on l.shipment_id = s.id
                        where o.status <> 'DELIVERED' and o.id = any(?) group by o.id, o.status order by o.id""",
                        db.createArrayOf("bigint", orderIds.toArray())), e);
            }
        } finally {
            watch.stop();
            watcher.join(10_000);
            System.out.printf("ScarceStockIT: %d stock observation(s); lowest available in the store %d, lowest on the world's shelves %d (seed %d)%n",
                    watch.observations.get(), watch.lowestStore.get(), watch.lowestWorld.get(), SEED);
        }

        assertThat(watch.failure.get()).as("stock watch").isNull();
        assertThat(watch.observations.get()).isPositive();
        assertThat(watch.lowestStore.get()).as("store's available units at any observation (seed %d)", SEED).isGreaterThanOrEqualTo(0);
        assertThat(watch.lowestWorld.get()).as("world's shelves at any observation (seed %d)", SEED).isGreaterThanOrEqualTo(0);
        // Every buyer sees their order delivered, exactly one.
        for (int n = 0; n < BUYERS; n++) {
            assertThat(buyers.get(n).get("api/orders").json()).as("buyer %d's orders", n).hasSize(1);
            assertThat(buyers.get(n).status(orders.get(n))).isEqualTo("DELIVERED");
        }
        assertThat(count("select count(*) from customer_order where accepted_at is null and id = any(?)", orderIds))
                .as("orders never accepted over JMS (seed %d)", SEED).isZero();
        try (Connection db = stack.shopDb()) {
            assertThat(Database.column(db, "select kind || ' ' || coalesce(shipment_id::text, '-') || ': ' || error from outbox_message where error is not null"))
                    .as("commands the world or UPS refused (a pack without stock would be one) (seed %d)", SEED).isEmpty();
        }
        // The world records its shelves a moment after the fact (group commit); the two books meet shortly.
        await("the store's stock book equals the world's shelves (seed " + SEED + ")").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(storeBook()).isEqualTo(worldShelves()));
        String log = stack.server().serverLog();
        assertThat(log).as("seed %d", SEED).doesNotContain("deadlock detected", "OptimisticLockException", "StaleObjectStateException");
    }

    private static int random(int n, int bound) {
        return new Random(SEED * 31 + n).nextInt(2 * bound + 1) - bound;
    }

    /** Nothing on order any more for the scarce products, and some units available. */
    private static boolean stockSettled(List<Long> products) throws SQLException {
        try (Connection db = stack.shopDb()) {
            return Database.count(db, "select count(*) from warehouse_stock where product_id = any(?) and on_order > 0",
                    db.createArrayOf("bigint", products.toArray())) == 0
                    && Database.count(db, "select coalesce(sum(available), 0) from warehouse_stock where product_id = any(?)",
                    db.createArrayOf("bigint", products.toArray())) > 0;
        }
    }

    private static long count(String sql, List<Long> ids) throws SQLException {
        try (Connection db = stack.shopDb()) {
            return Database.count(db, sql, db.createArrayOf("bigint", ids.toArray()));
        }
    }

    /** Units available per "warehouse/product" in the store's book (zero rows left out). */
    private static Map<String, Long> storeBook() throws SQLException {
        try (Connection db = stack.shopDb()) {
            return pairs(Database.column(db, """
                    select warehouse_id || '/' || product_id || '=' || available from warehouse_stock where available > 0"""));
        }
    }

    /** Units per "warehouse/product" on the world's shelves, in the world the store works in. */
    private static Map<String, Long> worldShelves() throws SQLException {
        long worldId;
        try (Connection db = stack.shopDb()) {
            worldId = Long.parseLong(Database.column(db, "select world_id from world_session").get(0));
        }
        try (Connection db = Database.connect(stack.worldDatabase())) {
            return pairs(Database.column(db, """
                    select warehouse_id || '/' || product_id || '=' || count from stock where world_id = ? and count > 0""", worldId));
        }
    }

    private static Map<String, Long> pairs(List<String> rows) {
        Map<String, Long> map = new TreeMap<>();
        for (String row : rows) {
            String[] kv = row.split("=");
            map.put(kv[0], Long.parseLong(kv[1]));
        }
        return map;
    }

    /** Looks at the stock in both databases, over and over, until stopped; remembers the lowest counts seen. */
    private static final class StockWatch implements Runnable {
        final AtomicLong lowestStore = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lowestWorld = new AtomicLong(Long.MAX_VALUE);
        final AtomicInteger observations = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        private final AtomicBoolean running = new AtomicBoolean(true);

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            try (Connection shop = stack.shopDb(); Connection world = Database.connect(stack.worldDatabase())) {
                await().atMost(Duration.ofMinutes(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
                    lowestStore.accumulateAndGet(Database.count(shop,
                            "select coalesce(min(least(available, on_order)), 0) from warehouse_stock"), Math::min);
                    lowestWorld.accumulateAndGet(Database.count(world, "select coalesce(min(count), 0) from stock"), Math::min);
                    observations.incrementAndGet();
                    return !running.get();
                });
            } catch (Exception e) {
                failure.set(e);
            }
        }
    }
}
