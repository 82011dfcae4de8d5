package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniamazon.it.support.Catalog;
import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.it.support.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backend's acceptance of an order (the JMS acknowledgement) and the world's report that the order is packed
 * reach the same order at the same moment. Here the database is made slow for exactly that acceptance (a trigger
 * holds its update for three seconds, scoped to one customer), so that the world's "packed" report has to wait
 * for it. Both must then succeed: the order is confirmed and moves on, and the server logs no optimistic-lock
 * failure. (Acceptance once bumped the order's version, so the waiting report always failed and had to be
 * applied again.)
 */
class PurchaseAcceptanceRaceIT {

    private static final Path SERVER_LOG = TestEnvironment.wildflyHome().resolve("standalone/log/server.log");

    @BeforeAll
    static void worldIsUp() {
        SimulatedWorld.get();
    }

    @Test
    void aPackedReportArrivingDuringTheAcceptanceWaitsForItAndBothSucceed() throws Exception {
        ShopClient customer = ShopClient.newCustomer("slow-acceptance");
        long customerId;
        try (Connection db = Database.shop()) {
            customerId = Long.parseLong(Database.column(db, "select id from account where email = ?", customer.email()).get(0));
        }
        long logBefore = Files.size(SERVER_LOG);
        String trigger = "slow_acceptance_" + customerId;
        try (Connection db = Database.shop(); Statement s = db.createStatement()) {
            s.execute("create table if not exists it_slow_acceptance (order_id bigint primary key, held_from timestamptz, held_until timestamptz)");
            s.execute("""
                    create or replace function it_slow_acceptance() returns trigger language plpgsql as $$
                    declare started timestamptz := clock_timestamp();
                    begin
                        perform pg_sleep(3);
                        insert into it_slow_acceptance values (new.id, started, clock_timestamp()) on conflict do nothing;
                        return new;
                    end $$""");
            s.execute("create trigger " + trigger + " before update on customer_order for each row"
                    + " when (old.accepted_at is null and new.accepted_at is not null and new.customer_id = " + customerId + ")"
                    + " execute function it_slow_acceptance()");
        }
        long orderId;
        long trackingNumber;
        try {
            ShopClient.Reply placed = customer.placeOrder(Map.of(Catalog.productId("Wireless Mouse"), 1), 8, 8);
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            orderId = placed.json().get("orderId").asLong();
            trackingNumber = placed.json().get("trackingNumber").asLong();
            assertThat(placed.json().get("acknowledgement").asText()).isEqualTo("CONFIRMED");
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> customer.status(orderId).equals("DELIVERED"));
        } finally {
            try (Connection db = Database.shop(); Statement s = db.createStatement()) {
                s.execute("drop trigger if exists " + trigger + " on customer_order");
            }
        }

        // The race really happened: the world packed the order while its acceptance was held.
        Timestamp heldFrom;
        Timestamp heldUntil;
        try (Connection db = Database.shop()) {
            List<String> window = Database.column(db,
                    "select held_from::timestamp || '|' || held_until::timestamp from it_slow_acceptance where order_id = ?", orderId);
            assertThat(window).as("the acceptance went through the slow update").hasSize(1);
            heldFrom = Timestamp.valueOf(window.get(0).split("\\|")[0]);
            heldUntil = Timestamp.valueOf(window.get(0).split("\\|")[1]);
        }
        try (Connection world = Database.connect(System.getProperty("it.world.db.name", "miniamazon_it_world"))) {
            Timestamp packedAt = Timestamp.valueOf(Database.column(world,
                    "select at::timestamp from world_event where kind = 'packed' and package_id = ?", trackingNumber).get(0));
            assertThat(packedAt).as("packed while the acceptance was held").isBetween(heldFrom, heldUntil);
        }
        byte[] whole = Files.readAllBytes(SERVER_LOG);
        String log = new String(whole, (int) Math.min(logBefore, whole.length), whole.length - (int) Math.min(logBefore, whole.length),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("OptimisticLockException", "StaleObjectStateException", "could not be applied");
        assertThat(states(customer.order(orderId).json()))
                .containsExactly("PLACED", "PACKING", "PACKED", "LOADING", "LOADED", "DELIVERING", "DELIVERED");
    }

    /** The order's states as its timeline shows them to the customer, each once. */
    private static List<String> states(JsonNode order) {
        List<String> states = new ArrayList<>();
        for (JsonNode entry : order.get("timeline")) {
            String status = entry.get("status").asText();
            if (states.isEmpty() || !states.get(states.size() - 1).equals(status)) {
                states.add(status);
            }
        }
        return states;
    }
}
