package com.miniamazon.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniamazon.it.support.Catalog;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.it.support.StandaloneServer;
import com.miniamazon.it.support.TestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoints an operator points their tools at: MicroProfile Health and Prometheus metrics on the management
 * port, the OpenAPI document on the shop's port. Their output is saved under artefacts/ for people to read.
 */
class HealthMetricsOpenApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void worldIsUp() {
        SimulatedWorld.get();
    }

    @Test
    void readinessReflectsTheDatabaseTheQueueAndBothPeers() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> get(management("health/ready")).statusCode() == 200);
        HttpResponse<String> ready = get(management("health/ready"));
        save("health-ready.json", ready.body());
        Map<String, String> checks = checks(ready.body());
        assertThat(checks).containsEntry("database", "UP").containsEntry("jms", "UP")
                .containsEntry("world-connection", "UP").containsEntry("ups-connection", "UP");

        HttpResponse<String> live = get(management("health/live"));
        save("health-live.json", live.body());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(checks(live.body())).containsEntry("gateway", "UP");
    }

    @Test
    void readinessGoesDownWhileUpsIsAwayAndComesBack() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        world.stopUps();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = get(management("health/ready"));
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(checks(ready.body())).containsEntry("ups-connection", "DOWN").containsEntry("database", "UP");
            });
        } finally {
            world.startUps();
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(checks(get(management("health/ready")).body())).containsEntry("ups-connection", "UP"));
    }

    @Test
    void metricsCountOrdersByStateAndTheOutboxInPrometheusFormat() throws Exception {
        ShopClient carol = ShopClient.newCustomer("carol");
        long orderId = carol.placeOrder(Map.of(Catalog.productId("Arabica Coffee Beans 1 kg"), 1), 3, 4).json().get("orderId").asLong();
        await().atMost(Duration.ofMinutes(2)).until(() -> carol.status(orderId).equals("DELIVERED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = get(management("metrics")).body();
            assertThat(metrics).containsPattern("miniamazon_orders\\{[^}]*status=\"delivered\"[^}]*} [1-9]");
        });
        HttpResponse<String> metrics = get(management("metrics"));
        save("metrics.txt", metrics.body());
        assertThat(metrics.body())
                .contains("# TYPE miniamazon_outbox_backlog gauge")
                .containsPattern("miniamazon_peer_connected\\{[^}]*peer=\"world\"[^}]*} 1\\.0")
                .containsPattern("miniamazon_peer_connected\\{[^}]*peer=\"ups\"[^}]*} 1\\.0")
                .containsPattern("miniamazon_outbox_ack_latency_seconds_count\\{[^}]*peer=\"world\"[^}]*} [1-9]")
                .containsPattern("miniamazon_peer_resend_timeout_seconds\\{[^}]*peer=\"ups\"[^}]*} [0-9]")
                .containsPattern("miniamazon_checkout_waiting\\{[^}]*} 0\\.0")
                .containsPattern("miniamazon_checkout_turned_away_total\\{[^}]*} 0\\.0")
                .contains("miniamazon_outbox_resent_total", "miniamazon_inbound_duplicates_total",
                        "miniamazon_checkout_seconds_count", "miniamazon_purchase_acknowledgements_total");
    }

    @Test
    void gaugesStillReadAfterTheShopIsRedeployed() throws Exception {
        StandaloneServer.manage(TestEnvironment.wildflyHome(), TestEnvironment.managementPort(),
                "/deployment=mini-amazon.ear:redeploy");
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() ->
                assertThat(checks(get(management("health/ready")).body())).containsEntry("world-connection", "UP"));
        // The server holds gauges weakly: a collection is what turned the old deployment's leftovers into NaN.
        collectGarbageInTheServer();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(management("metrics")).body())
                .containsPattern("miniamazon_orders\\{[^}]*status=\"placed\"[^}]*} [0-9]")
                .containsPattern("miniamazon_peer_connected\\{[^}]*peer=\"world\"[^}]*} 1\\.0")
                .containsPattern("miniamazon_outbox_backlog\\{[^}]*peer=\"ups\"[^}]*} [0-9]")
                .doesNotContainPattern("(?m)^miniamazon_.* NaN$"));
    }

    @Test
    void theApiDescribesItselfInOpenApi() throws Exception {
        HttpResponse<String> openapi = get(URI.create(TestEnvironment.shopUrl() + "openapi?format=JSON"));
        save("openapi.json", openapi.body());
        assertThat(openapi.statusCode()).isEqualTo(200);
        JsonNode document = new ObjectMapper().readTree(openapi.body());
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("paths").has("/api/orders")).isTrue();
        assertThat(document.get("paths").has("/api/orders/{id}")).isTrue();
        assertThat(document.get("paths").has("/api/products")).isTrue();
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    private static void collectGarbageInTheServer() throws Exception {
        String home = TestEnvironment.wildflyHome().toAbsolutePath().normalize().toString();
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(home)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no WildFly process under " + home));
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        assertThat(jcmd.waitFor()).as(output).isZero();
    }

    private static URI management(String path) {
        return URI.create("http://127.0.0.1:" + TestEnvironment.managementPort() + "/" + path);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Check name → status from a MicroProfile Health answer. */
    private static Map<String, String> checks(String body) throws Exception {
        Map<String, String> checks = new HashMap<>();
        for (JsonNode check : new ObjectMapper().readTree(body).get("checks")) {
            checks.put(check.get("name").asText(), check.get("status").asText());
        }
        return checks;
    }

    private static void save(String name, String content) throws Exception {
        Files.writeString(TestEnvironment.artefactsDir().resolve(name), content);
    }
}
