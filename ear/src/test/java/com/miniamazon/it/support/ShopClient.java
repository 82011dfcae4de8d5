package com.miniamazon.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer using the shop's JSON API, as any program of a customer's would: HTTP Basic with their email and
 * password, JSON in and out. Each call returns the response as the client sees it (status and body).
 */
public final class ShopClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String email;
    private final String password;
    private final Duration timeout;

    private ShopClient(String baseUrl, String email, String password) {
        this(baseUrl, email, password, Duration.ofSeconds(30));
    }

    private ShopClient(String baseUrl, String email, String password, Duration timeout) {
        this.baseUrl = baseUrl;
        this.email = email;
        this.password = password;
        this.timeout = timeout;
    }

    /** The same customer, waiting up to {@code timeout} for each answer (30 s otherwise). */
    public ShopClient waitingUpTo(Duration timeout) {
        return new ShopClient(baseUrl, email, password, timeout);
    }

    /** A client with no credentials. */
    public static ShopClient anonymous() {
        return new ShopClient(TestEnvironment.shopUrl(), null, null);
    }

    /** Registers a new customer with a unique email and returns a client logged in as them. */
    public static ShopClient newCustomer(String namePrefix) {
        return newCustomer(TestEnvironment.shopUrl(), namePrefix);
    }

    /** The same on another shop (a server a test runs itself), given its base URL ending with a slash. */
    public static ShopClient newCustomer(String shopUrl, String namePrefix) {
        String email = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 6);
        Reply reply = new ShopClient(shopUrl, null, null)
                .post("api/accounts", Map.of("email", email, "displayName", namePrefix, "password", password));
        if (reply.status() != 201) {
            throw new IllegalStateException("registration failed: " + reply);
        }
        return new ShopClient(shopUrl, email, password);
    }

    public ShopClient as(String otherEmail, String otherPassword) {
        return new ShopClient(baseUrl, otherEmail, otherPassword, timeout);
    }

    public String email() {
        return email;
    }

    /** Places an order of these (productId → quantity) lines for delivery at (x, y), with a fresh idempotency key. */
    public Reply placeOrder(Map<Long, Integer> items, int x, int y) {
        return placeOrder(UUID.randomUUID(), items, x, y, null);
    }

    public Reply placeOrder(UUID idempotencyKey, Map<Long, Integer> items, int x, int y, String upsAccount) {
        List<Map<String, Object>> lines = new ArrayList<>();
        items.forEach((product, quantity) -> lines.add(Map.of("productId", product, "quantity", quantity)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", idempotencyKey.toString());
        body.put("items", lines);
        body.put("destination", Map.of("x", x, "y", y));
        if (upsAccount != null) {
            body.put("upsAccount", upsAccount);
        }
        return post("api/orders", body);
    }

    public Reply order(long orderId) {
        return get("api/orders/" + orderId);
    }

    /** The order's current status, as the API reports it. */
    public String status(long orderId) {
        Reply reply = order(orderId);
        if (reply.status() != 200) {
            throw new IllegalStateException("reading order " + orderId + " failed: " + reply);
        }
        return reply.json().get("status").asText();
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (email != null) {
            String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + basic);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What came back: the status, the body, and the headers. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }
}
