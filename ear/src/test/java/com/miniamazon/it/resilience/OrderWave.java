package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.it.support.WorldRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Many orders placed at once through the JSON API by a few customers, each of one or two seeded-random products
 * to a seeded-random address, and what became of them: what customers see through the API and what the world and
 * UPS recorded of each package. Failures name the seed, so a wave can be placed again the same way.
 */
final class OrderWave {

    /** One placed order and the package (shipid) that carries it. */
    record Placed(long orderId, long shipId, ShopClient customer) {}

    private final String name;
    private final long seed;
    private final List<Placed> orders;
    private final Instant placedAt;

    private OrderWave(String name, long seed, List<Placed> orders, Instant placedAt) {
        this.name = name;
        this.seed = seed;
        this.orders = orders;
        this.placedAt = placedAt;
    }

    /**
     * Places {@code count} orders from four customers, eight at a time; each must be accepted (201). The orders follow
     * from {@code seed} and the wave's name.
     */
    static OrderWave place(String name, int count, long seed) throws Exception {
        Random random = new Random(seed ^ name.hashCode()); // each wave its own orders, from the one test seed
        List<Long> products = productIds();
        List<ShopClient> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(ShopClient.newCustomer(name + i));
        }
        List<Map<Long, Integer>> items = new ArrayList<>();
        List<int[]> destinations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Long, Integer> lines = new TreeMap<>();
            lines.put(products.get(random.nextInt(products.size())), 1 + random.nextInt(2));
            if (random.nextInt(4) == 0) {
                lines.merge(products.get(random.nextInt(products.size())), 1, Integer::sum);
            }
            items.add(lines);
            destinations.add(new int[] {random.nextInt(101) - 50, random.nextInt(101) - 50});
        }
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Placed>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ShopClient customer = customers.get(i % customers.size());
                Map<Long, Integer> lines = items.get(i);
                int[] to = destinations.get(i);
                futures.add(pool.submit(() -> {
                    ShopClient.Reply reply = customer.placeOrder(lines, to[0], to[1]);
                    assertThat(reply.status()).as("order %s (seed %d): %s", lines, seed, reply.body()).isEqualTo(201);
                    return new Placed(reply.json().get("orderId").asLong(), reply.json().get("trackingNumber").asLong(), customer);
                }));
            }
            List<Placed> placed = new ArrayList<>();
            for (Future<Placed> f : futures) {
                placed.add(f.get());
            }
            System.out.printf("%s: %d orders placed in %d ms (seed %d)%n", name, count,
                    Duration.between(start, Instant.now()).toMillis(), seed);
            return new OrderWave(name, seed, placed, start);
        } finally {
            pool.shutdownNow();
        }
    }

    List<Placed> orders() {
        return orders;
    }

    List<Long> shipIds() {
        return orders.stream().map(Placed::shipId).toList();
    }

    /** Waits until the store shows every order delivered; a timeout says how many are stuck where. */
    void awaitAllDelivered(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(statusCounts()).as("%s: orders by status (%s)", name, seeds())
                        .isEqualTo(Map.of("DELIVERED", (long) orders.size())));
        System.out.printf("%s: all %d orders delivered %d s after the first was placed%n", name, orders.size(),
                Duration.between(placedAt, Instant.now()).toSeconds());
    }

    /**
     * What a customer and the peers see once all is done: the API reports every order delivered; the world
     * packed each package once and loaded it once; UPS recorded each loaded once and delivered once.
     */
    void assertEachDeliveredOnce() throws SQLException {
        Map<Long, String> seen = new TreeMap<>(); // what each customer's order list says, a page at a time
        for (ShopClient customer : orders.stream().map(Placed::customer).distinct().toList()) {
            for (int first = 0; ; first += 100) {
                ShopClient.Reply page = customer.get("api/orders?max=100&first=" + first);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                page.json().forEach(row -> seen.put(row.get("orderId").asLong(), row.get("status").asText()));
                if (page.json().size() < 100) {
                    break;
                }
            }
        }
        Map<Long, String> notDelivered = new TreeMap<>();
        orders.forEach(o -> {
            if (!"DELIVERED".equals(seen.get(o.orderId()))) {
                notDelivered.put(o.orderId(), seen.get(o.orderId()));
            }
        });
        assertThat(notDelivered).as("orders customers do not see delivered (order=status), %s", seeds()).isEmpty();
        List<Long> shipIds = shipIds();
        assertOncePerPackage("world packed", WorldRecords.worldEventsPerPackage("packed", shipIds));
        assertOncePerPackage("world loaded", WorldRecords.worldEventsPerPackage("loaded", shipIds));
        assertOncePerPackage("world delivered", WorldRecords.worldEventsPerPackage("delivered", shipIds));
        assertOncePerPackage("UPS loaded", WorldRecords.upsEventsPerShipment("loaded", shipIds));
        assertOncePerPackage("UPS delivered", WorldRecords.upsEventsPerShipment("delivered", shipIds));
    }

    private void assertOncePerPackage(String what, Map<Long, Long> counts) {
        Map<Long, Long> notOnce = new TreeMap<>();
        for (long shipId : shipIds()) {
            long n = counts.getOrDefault(shipId, 0L);
            if (n != 1) {
                notOnce.put(shipId, n);
            }
        }
        assertThat(notOnce).as("%s: packages not recorded exactly once (shipid=count), %s", what, seeds()).isEmpty();
    }

    /** How to place this wave again under the same network faults. */
    private String seeds() {
        long chaos = SimulatedWorld.get().chaosSeed();
        return "replay with -Dit.resilience.seed=" + seed + " -Dit.chaos.seed=" + chaos;
    }

    /** Orders of this wave by status, as the store's database holds them (for polling; cheaper than the API). */
    Map<String, Long> statusCounts() throws SQLException {
        try (Connection db = Database.shop();
                PreparedStatement ps = db.prepareStatement(
                        "select status, count(*) from customer_order where id = any(?) group by status")) {
            ps.setArray(1, db.createArrayOf("bigint", orders.stream().map(Placed::orderId).toArray()));
            Map<String, Long> counts = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        }
    }

    @Override
    public String toString() {
        try {
            return name + " " + statusCounts();
        } catch (SQLException e) {
            return name + " (statuses unreadable: " + e.getMessage() + ")";
        }
    }

    /** The first products of the seeded catalogue: enough variety to spread over warehouses and purchases. */
    private static List<Long> productIds() throws SQLException {
        try (Connection db = Database.shop()) {
            return Database.column(db, "select id from product where active order by id limit 8").stream()
                    .map(Long::parseLong).collect(Collectors.toList());
        }
    }
}
