package com.miniamazon.bench;

import com.miniamazon.simulators.chaos.ChaosProxy;
import com.miniamazon.simulators.chaos.Direction;
import com.miniamazon.simulators.chaos.Faults;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives orders through a running store under a named network scenario and prints one line per scenario: orders
 * placed, delivered, lost (not delivered in time), doubled (packages the world packed or loaded, or UPS loaded or
 * delivered, more than once, from the simulators' own databases), the longest time from placing to delivery, and
 * the errors the store logged for administrators (commands the peers refused, reports it rejected).
 *
 * <p>The store must be configured to reach the world and UPS through this program's two {@link ChaosProxy}
 * ports, which forward to the simulators (see bench/chaos for the settings).
 */
public final class ChaosBench {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*(\\d+)");
    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*(\\d+)");

    /** A network condition, applied to both proxies while a wave of orders runs. */
    private record Scenario(String name, String what, Consumer<ChaosProxy[]> start) {}

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();
    private static final ScheduledExecutorService HEALER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scenario-timer");
        t.setDaemon(true);
        return t;
    });

    static {
        add("clean", "no faults", p -> { });
        add("drop30", "30 % of frames dropped both ways on both links", p -> all(p, Faults.NONE.withDrop(30)));
        add("drop50", "50 % of frames dropped both ways on both links", p -> all(p, Faults.NONE.withDrop(50)));
        add("mangle", "30 % duplicated, 30 % reordered, 50 % split, both ways", p ->
                all(p, Faults.NONE.withDuplicate(30).withReorder(30).withSplit(50)));
        add("delay", "every frame 200 ms late, both ways", p -> all(p, Faults.NONE.withDelay(200)));
        add("cuts", "connections cut every 3 s (world) and 4 s (UPS)", p -> {
            p[0].cutEvery(Duration.ofSeconds(3));
            p[1].cutEvery(Duration.ofSeconds(4));
        });
        add("silence", "world says nothing for the first 20 s", p -> {
            p[0].faults(Direction.TO_CLIENT, Faults.NONE.withDrop(100));
            HEALER.schedule(() -> p[0].faults(Direction.TO_CLIENT, Faults.NONE), 20, TimeUnit.SECONDS);
        });
    }

    private static void add(String name, String what, Consumer<ChaosProxy[]> start) {
        SCENARIOS.put(name, new Scenario(name, what, start));
    }

    private static void all(ChaosProxy[] proxies, Faults faults) {
        for (ChaosProxy p : proxies) {
            p.faults(faults);
        }
    }

    private final String shop = System.getProperty("bench.url", "http://127.0.0.1:8080/");
    private final String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/");
    private final String shopDb = System.getProperty("bench.shop.db", "miniamazon");
    private final String worldDb = System.getProperty("bench.world.db", "miniamazon_world");
    private final String upsDb = System.getProperty("bench.ups.db", "miniamazon_ups");
    private final int orders = Integer.getInteger("bench.orders", 100);
    private final int timeoutSeconds = Integer.getInteger("bench.timeout.seconds", 600);
    private final long seed = Long.getLong("bench.seed", System.nanoTime());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        new ChaosBench().run(System.getProperty("bench.scenarios", String.join(",", SCENARIOS.keySet())).split(","));
    }

    private void run(String[] names) throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        for (String n : names) {
            Scenario s = SCENARIOS.get(n.trim());
            if (s == null) {
                throw new IllegalArgumentException("unknown scenario '" + n + "'; known: " + SCENARIOS.keySet());
            }
            scenarios.add(s);
        }
        int worldProxyPort = Integer.getInteger("bench.world.proxy.port", 24456);
        int upsProxyPort = Integer.getInteger("bench.ups.proxy.port", 35567);
        InetSocketAddress worldTarget = new InetSocketAddress("127.0.0.1", Integer.getInteger("bench.world.port", 23456));
        InetSocketAddress upsTarget = new InetSocketAddress("127.0.0.1", Integer.getInteger("bench.ups.port", 34567));
        System.out.printf("machine: %d cores, %s %s; shop at %s; %d orders per scenario; seed %d; world proxy %d -> %s, UPS proxy %d -> %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                shop, orders, seed, worldProxyPort, worldTarget, upsProxyPort, upsTarget);
        try (ChaosProxy world = ChaosProxy.start("world", worldProxyPort, worldTarget, seed);
                ChaosProxy ups = ChaosProxy.start("ups", upsProxyPort, upsTarget, seed + 1)) {
            awaitConnected(world, ups);
            for (Scenario s : scenarios) {
                ChaosProxy[] proxies = {world, ups};
                world.heal();
                ups.heal();
                Result r = wave(s, proxies);
                world.heal();
                ups.heal();
                System.out.printf("%-8s placed %4d  delivered %4d  lost %3d  doubled %3d  max-delivery %6.1f s  errors-logged %3d  (%s)%n",
                        s.name(), r.placed, r.delivered, r.placed - r.delivered, r.doubled, r.maxDeliveryMillis / 1000.0,
                        r.errors, s.what());
            }
        }
    }

    /** The store notices the proxies only when it connects anew: wait until both links run through them. */
    private static void awaitConnected(ChaosProxy world, ChaosProxy ups) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (world.stats().open() == 0 || ups.stats().open() == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the store did not connect through the proxies within 120 s; is it "
                        + "configured with MINIAMAZON_WORLD_PORT=" + world.port() + " and MINIAMAZON_UPS_PORT=" + ups.port() + "?");
            }
            Thread.sleep(200); // polling another process's connection attempts
        }
    }

    private record Result(int placed, long delivered, long doubled, long maxDeliveryMillis, long errors) {}

    private Result wave(Scenario scenario, ChaosProxy[] proxies) throws Exception {
        Random random = new Random(seed ^ scenario.name().hashCode());
        List<Long> products = query(shopDb, "select id from product where active order by id limit 8", null);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(newCustomer(scenario.name() + i));
        }
        Instant started = Instant.now();
        scenario.start().accept(proxies);
        List<Long> orderIds = new ArrayList<>();
        List<Long> shipIds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String customer = customers.get(i % customers.size());
                String body = "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":"
                        + products.get(random.nextInt(products.size())) + ",\"quantity\":" + (1 + random.nextInt(2))
                        + "}],\"destination\":{\"x\":" + (random.nextInt(101) - 50) + ",\"y\":" + (random.nextInt(101) - 50) + "}}";
                replies.add(pool.submit(() -> post("api/orders", body, customer)));
            }
            for (Future<String> reply : replies) {
                String json = reply.get();
                Matcher id = ORDER_ID.matcher(json);
                Matcher tracking = TRACKING.matcher(json);
                if (id.find() && tracking.find()) {
                    orderIds.add(Long.parseLong(id.group(1)));
                    shipIds.add(Long.parseLong(tracking.group(1)));
                } else {
                    System.err.println(scenario.name() + ": an order was refused: " + json);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        long delivered;
        while ((delivered = count(shopDb, "select count(*) from customer_order where id = any(?) and status = 'DELIVERED'", orderIds))
                < orderIds.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000); // polling the store's database
        }
        long maxMillis = count(shopDb, "select coalesce(max(extract(epoch from (status_changed_at - placed_at)) * 1000), 0)::bigint"
                + " from customer_order where id = any(?) and status = 'DELIVERED'", orderIds);
        long doubled = count(worldDb, "select count(distinct package_id) from (select package_id from world_event"
                + " where kind in ('packed', 'loaded', 'delivered') and package_id = any(?)"
                + " group by package_id, kind having count(*) > 1) d", shipIds)
                + count(upsDb, "select count(distinct shipid) from (select shipid from ups_event"
                + " where kind in ('loaded', 'delivered') and shipid = any(?) group by shipid, kind having count(*) > 1) d", shipIds);
        long errors = count(shopDb, "select (select count(*) from outbox_message where error is not null and coalesce(acked_at, created_at) >= ?)"
                + " + (select count(*) from inbound_message where outcome = 'REJECTED' and received_at >= ?)", started);
        return new Result(orderIds.size(), delivered, doubled, maxMillis, errors);
    }

    private String newCustomer(String name) throws IOException, InterruptedException {
        String email = "chaos-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "Chaos-Bench-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(shop + "api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"displayName\":\"" + name
                        + "\",\"password\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot open an account: " + r.statusCode() + " " + r.body());
        }
        return Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String post(String path, String json, String basic) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(shop + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private List<Long> query(String db, String sql, List<Long> ids) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc + db, "postgres", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (ids != null) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            }
            List<Long> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
            return values;
        }
    }

    /** One number from a query whose parameters are an id list, or one or two instants. */
    private long count(String db, String sql, Object parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc + db, "postgres", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            int n = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= n; i++) {
                if (parameter instanceof List<?> ids) {
                    Array array = c.createArrayOf("bigint", ids.toArray());
                    ps.setArray(i, array);
                } else {
                    ps.setObject(i, java.sql.Timestamp.from((Instant) parameter));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
