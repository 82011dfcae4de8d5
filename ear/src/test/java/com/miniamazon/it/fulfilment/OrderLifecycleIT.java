package com.miniamazon.it.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniamazon.it.support.Catalog;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.it.support.WorldRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderLifecycleIT {

    @BeforeAll
    static void worldIsUp() {
        SimulatedWorld.get();
    }

    @Test
    void anOrderGoesFromCheckoutToDeliveredAndItsTimelineHoldsEveryState() throws Exception {
        ShopClient alice = ShopClient.newCustomer("alice");
        Map<Long, Integer> items = new LinkedHashMap<>();
        items.put(Catalog.productId("Laptop 14\" Ultrabook"), 1);
        items.put(Catalog.productId("Wireless Mouse"), 2);

        ShopClient.Reply placed = alice.placeOrder(items, 30, 40);

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long orderId = placed.json().get("orderId").asLong();
        long trackingNumber = placed.json().get("trackingNumber").asLong();
        assertThat(placed.json().get("acknowledgement").asText()).as("the backend confirms over JMS within 5 s").isEqualTo("CONFIRMED");
        assertThat(placed.json().get("total").decimalValue()).isEqualByComparingTo("938.98");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> alice.status(orderId).equals("DELIVERED"));

        JsonNode order = alice.order(orderId).json();
        assertThat(order.get("trackingNumber").asLong()).isEqualTo(trackingNumber);
        List<String> states = new ArrayList<>();
        for (JsonNode entry : order.get("timeline")) {
            String status = entry.get("status").asText();
            if (states.isEmpty() || !states.get(states.size() - 1).equals(status)) {
                states.add(status);
            }
        }
        assertThat(states).containsExactly("PLACED", "PACKING", "PACKED", "LOADING", "LOADED", "DELIVERING", "DELIVERED");
        assertThat(order.get("destination").get("x").asInt()).isEqualTo(30);
        assertThat(order.get("shipments").get(0).get("trackingNumber").asLong()).isEqualTo(trackingNumber);

        assertThat(WorldRecords.worldEventsPerPackage("packed", List.of(trackingNumber))).containsEntry(trackingNumber, 1L);
        assertThat(WorldRecords.worldEventsPerPackage("loaded", List.of(trackingNumber))).containsEntry(trackingNumber, 1L);
        assertThat(WorldRecords.worldEventsPerPackage("delivered", List.of(trackingNumber))).containsEntry(trackingNumber, 1L);
    }

    @Test
    void anOrderWhoseAcceptanceRequestWasLostIsAcceptedByTheTimer() {
        ShopClient carol = ShopClient.newCustomer("carol");
        ShopClient.Reply placed = carol.placeOrder(Map.of(Catalog.productId("Wireless Mouse"), 1), 5, 5);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long orderId = placed.json().get("orderId").asLong();

        // As if the server had stopped between the checkout's commit and its acceptance request, two minutes ago.
        assertThat(ShopDatabase.update("update customer_order set accepted_at = null, placed_at = placed_at - interval '2 minutes'"
                + " where id = ?", orderId)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> ShopDatabase.longValue(
                "select count(*) from customer_order where id = ? and accepted_at is not null", orderId) == 1);
    }

    @Test
    void resubmittingTheSameCheckoutGivesTheSameOrder() {
        ShopClient bob = ShopClient.newCustomer("bob");
        java.util.UUID key = java.util.UUID.randomUUID();
        Map<Long, Integer> items = Map.of(Catalog.productId("Yoga Mat"), 1);

        ShopClient.Reply first = bob.placeOrder(key, items, -5, 7, null);
        ShopClient.Reply again = bob.placeOrder(key, items, -5, 7, null);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("orderId").asLong()).isEqualTo(first.json().get("orderId").asLong());
        assertThat(bob.get("api/orders").json()).hasSize(1);
    }

    @Test
    void anotherCustomersOrderIsNotFound() {
        ShopClient owner = ShopClient.newCustomer("owner");
        ShopClient snoop = ShopClient.newCustomer("snoop");
        long orderId = owner.placeOrder(Map.of(Catalog.productId("Green Tea (100 Bags)"), 1), 1, 1).json().get("orderId").asLong();

        assertThat(snoop.order(orderId).status()).isEqualTo(404);
        assertThat(ShopClient.anonymous().order(orderId).status()).isEqualTo(401);
    }
}
