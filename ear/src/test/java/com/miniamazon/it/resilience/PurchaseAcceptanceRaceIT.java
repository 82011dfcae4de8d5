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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backend's acceptance of an order (the JMS acknowledgement) and the world's report that the order is packed
 * reach the same order at the same moment. Here the database holds exactly that acceptance's update (a trigger
 * scoped to one customer) until the store's transaction applying the world's "packed" report is seen waiting for
 * the order's row. Both must then succeed: the order keeps its acceptance and moves on to delivered, and the
 * server logs no optimistic-lock failure. (Acceptance once bumped the order's version, so the waiting report
 * always failed and had to be applied again.)
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
            s.execute("create table if not exists it_acceptance_release (order_id bigint primary key)");
            // Holds the acceptance's update (and so the order's row) until the test lets it go, at most 90 s.
            s.execute("""
                    create or replace function it_slow_acceptance() returns trigger language plpgsql as $$
                    declare started timestamptz := clock_timestamp();
                    begin
                        while not exists (select 1 from it_acceptance_release where order_id = new.id)
                              and clock_timestamp() < started + interval '90 seconds' loop
                            perform pg_sleep(0.05);
                        end loop;
                        return new;
                    end $$""");
            s.execute("create trigger " + trigger + " before update on customer_order for each row"
                    + " when (old.accepted_at is null and new.accepted_at is not null and new.customer_id = " + customerId + ")"
                    + " execute function it_slow_acceptance()");
        }
        long orderId;
        try {
            ShopClient.Reply placed = customer.placeOrder(Map.of(Catalog.productId("Wireless Mouse"), 1), 8, 8);
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            orderId = placed.json().get("orderId").asLong();
            // The world packs the order; the store's transaction applying "packed" must wait for the held row.
            await("the packed report waits for the held acceptance").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> reportWaitingForTheOrder());
            try (Connection db = Database.shop(); Statement s = db.createStatement()) {
                s.execute("insert into it_acceptance_release values (" + orderId + ")");
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> customer.status(orderId).equals("DELIVERED"));
        } finally {
            try (Connection db = Database.shop(); Statement s = db.createStatement()) {
                s.execute("drop trigger if exists " + trigger + " on customer_order");
            }
        }
        try (Connection db = Database.shop()) {
            assertThat(Database.column(db, "select accepted_at from customer_order where id = ?", orderId))
                    .as("the acceptance is kept").doesNotContainNull();
        }
        byte[] whole = Files.readAllBytes(SERVER_LOG);
        String log = new String(whole, (int) Math.min(logBefore, whole.length), whole.length - (int) Math.min(logBefore, whole.length),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("OptimisticLockException", "StaleObjectStateException", "could not be applied");
        assertThat(states(customer.order(orderId).json()))
                .containsExactly("PLACED", "PACKING", "PACKED", "LOADING", "LOADED", "DELIVERING", "DELIVERED");
    }

    /** Whether a transaction of the shop waits for a lock while updating an order (the held one). */
    private static boolean reportWaitingForTheOrder() throws Exception {
        try (Connection db = Database.connect("postgres")) {
            return Database.count(db, """
                    select count(*) from pg_stat_activity
                    where datname = ? and wait_event_type = 'Lock' and query ilike '%update customer_order %'""",
                    TestEnvironment.databaseName()) > 0;
        }
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
