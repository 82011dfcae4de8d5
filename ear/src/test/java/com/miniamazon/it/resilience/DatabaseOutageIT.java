package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.OwnStack;
import com.miniamazon.it.support.ShopClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's database goes away (connections cut, new ones refused) while the world restarts, so the store's
 * world connection has to reconnect exactly when it cannot ask the database which world to join. Once the
 * database is back, the store must be working again on its own: live, connected, and delivering a new order.
 * (The world connection's thread once died of that database error, and the store never talked to the world
 * again until WildFly was restarted.) Runs on a stack of its own.
 */
class DatabaseOutageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void theWorldConnectionOutlivesADatabaseOutageAndTheStoreDeliversAgainAfterIt() throws Exception {
        try (OwnStack stack = OwnStack.prepare("outage", 180, workDir)) {
            stack.startSimulators(0, 0);
            stack.startServer(Map.of());
            ShopClient customer = ShopClient.newCustomer(stack.shopUrl(), "outage");
            long productId;
            try (Connection db = stack.shopDb()) {
                productId = Long.parseLong(Database.column(db, "select id from product where active order by id limit 1").get(0));
            }
            long before = place(customer, productId);
            awaitDelivered(customer, before);

            databaseAway(stack.shopDatabase(), true);
            try {
                stack.world().stop();
                stack.world().start(); // the store loses the world and reconnects while the database is away
                // The database stays away long enough for several reconnect attempts (one a second at most).
                await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
            } finally {
                databaseAway(stack.shopDatabase(), false);
            }

            await("the store is live again").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> health(stack, "live") == 200);
            long after = place(customer, productId);
            awaitDelivered(customer, after);
            assertThat(health(stack, "ready")).isEqualTo(200);
        }
    }

    /** Cuts the database's connections and refuses new ones, or lets them in again. */
    private static void databaseAway(String database, boolean away) throws Exception {
        try (Connection admin = Database.connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("alter database " + database + " with allow_connections " + !away);
            if (away) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }

    /** Places an order, submitting it again (same key) while the shop still recovers; returns its id. */
    private static long place(ShopClient customer, long productId) {
        java.util.UUID key = java.util.UUID.randomUUID();
        long[] id = {0};
        await("checkout answered").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                ShopClient.Reply reply = customer.placeOrder(key, Map.of(productId, 1), 6, -6, null);
                if (reply.status() == 201 || reply.status() == 200) {
                    id[0] = reply.json().get("orderId").asLong();
                    return true;
                }
                return false;
            } catch (UncheckedIOException e) {
                return false;
            }
        });
        return id[0];
    }

    private static void awaitDelivered(ShopClient customer, long orderId) {
        await("order " + orderId + " delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> customer.status(orderId).equals("DELIVERED"));
    }

    private static int health(OwnStack stack, String which) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + stack.server().managementPort() + "/health/" + which))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
