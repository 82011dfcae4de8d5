package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.pages.LoginPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.ServerLog;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.it.support.TestEnvironment;
import com.miniamazon.it.support.WorldRecords;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A command the world refuses (AErr) is not swallowed: the store logs it with the order, the package and both
 * seqnums, shows it to administrators, and recovers the order. The refusal is provoked the way it happens in a
 * real warehouse: the world has lost stock the store still counts on.
 */
class PeerErrorIT {

    @BeforeAll
    static void worldIsUp() {
        SimulatedWorld.get();
    }

    @Test
    void aPackTheWorldRefusesIsLoggedWithOrderShipmentAndSeqnumsShownToAdministratorsAndTheOrderStillArrives() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        // Where the store believes it has the most units: a checkout to that warehouse's own address packs there.
        List<String> stock;
        List<String> place;
        try (Connection db = Database.shop()) {
            stock = Database.column(db, """
                    select warehouse_id || ':' || product_id || ':' || available from warehouse_stock
                    where available >= 2 order by available desc, warehouse_id, product_id limit 1""");
            assertThat(stock).as("some warehouse holds stock").isNotEmpty();
            String[] parts = stock.get(0).split(":");
            place = Database.column(db, "select x || ':' || y from warehouse where id = ?", Integer.parseInt(parts[0]));
        }
        String[] parts = stock.get(0).split(":");
        int warehouse = Integer.parseInt(parts[0]);
        long product = Long.parseLong(parts[1]);
        int believed = Integer.parseInt(parts[2]);
        String[] xy = place.get(0).split(":");

        int emptied = world.restartWorldWith("update stock set count = 0 where warehouse_id = ? and product_id = ?", warehouse, product);
        assertThat(emptied).as("the world held that stock").isPositive();
        try {
            ShopClient customer = ShopClient.newCustomer("refused");
            ShopClient.Reply placed = customer.placeOrder(Map.of(product, 1), Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            long orderId = placed.json().get("orderId").asLong();
            long shipId = placed.json().get("trackingNumber").asLong();

            // The log names the order and the package, the world's seqnum (the cause) and ours.
            String storeLine = ServerLog.awaitLine("order=" + orderId + " shipid=" + shipId + " PACK refused", Duration.ofMinutes(1));
            assertThat(storeLine).contains("not enough stock of product " + product, "cause=WORLD#");
            String gatewayLine = ServerLog.awaitLine("PACK shipid=" + shipId + ": not enough stock", Duration.ofMinutes(1));
            Matcher ours = Pattern.compile("refused our seq=(\\d+)").matcher(gatewayLine);
            assertThat(ours.find()).as(gatewayLine).isTrue();
            String seqnum = ours.group(1);

            try (Browser browser = Browser.open()) {
                LoginPage.open(browser).signIn("admin@mini-amazon.local", TestEnvironment.adminPassword());
                ShopPage admin = ShopPage.open(browser, "admin/index.xhtml");
                browser.screenshot("admin-refused-pack");
                assertThat(admin.bodyText()).contains("refused PACK (seqnum " + seqnum + ")", String.valueOf(shipId),
                        "not enough stock of product " + product);
                assertThat(admin.bodyText()).as("the order is flagged for a look").contains("PACK refused: not enough stock");
            }

            // The store buys what the world lacks; the order is packed once and delivered.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> customer.status(orderId).equals("DELIVERED"));
            assertThat(WorldRecords.worldEventsPerPackage("packed", List.of(shipId))).containsEntry(shipId, 1L);
        } finally {
            // Give the world back the units the store still counts on, so later orders find them.
            world.restartWorldWith("update stock set count = count + ? where warehouse_id = ? and product_id = ?",
                    believed, warehouse, product);
        }
    }
}
