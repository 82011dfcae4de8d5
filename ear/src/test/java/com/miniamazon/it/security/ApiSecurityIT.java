package com.miniamazon.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniamazon.it.support.Catalog;
import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.ShopClient;
import com.miniamazon.it.support.ShopClient.Reply;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JSON API as an attacker meets it: a page session's cookie is no credential, another customer's order ids
 * lead nowhere, failed credentials and bad input get problem details that tell nothing about accounts or code.
 */
class ApiSecurityIT {

    @Test
    void aSignedInPageSessionAloneCannotUseTheApi() {
        String email = Shoppers.registered("cookie");
        FormClient browserSession = FormClient.signedIn(email, Shoppers.PASSWORD);
        assertThat(browserSession.get("account/profile.xhtml").status()).isEqualTo(200);

        FormClient.Page orders = browserSession.request("GET", "api/orders", null, null);
        FormClient.Page me = browserSession.request("GET", "api/accounts/me", null, null);
        FormClient.Page place = browserSession.request("POST", "api/orders", "application/json",
                "{\"idempotencyKey\":\"6f1f6a64-63a4-4c9e-9a55-2d1f3c1b0a01\",\"items\":[{\"productId\":"
                        + Catalog.productId("Green Tea (100 Bags)") + ",\"quantity\":1}],\"destination\":{\"x\":1,\"y\":1}}");

        for (FormClient.Page refused : List.of(orders, me, place)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain(email);
        }
        assertThat(orderCount(email)).isZero();
    }

    @Test
    void anotherCustomersOrderCanBeNeitherReadNorRedirected() {
        ShopClient owner = ShopClient.newCustomer("owner");
        ShopClient snoop = ShopClient.newCustomer("snoop");
        long orderId = owner.placeOrder(Map.of(Catalog.productId("Green Tea (100 Bags)"), 1), 5, 6)
                .json().get("orderId").asLong();

        Reply read = snoop.order(orderId);
        Reply redirect = snoop.put("api/orders/" + orderId + "/destination", Map.of("x", 90, "y", 90));
        Reply search = snoop.get("api/orders?q=" + orderId);

        assertThat(read.status()).isEqualTo(404);
        assertThat(redirect.status()).isEqualTo(404);
        for (Reply refused : List.of(read, redirect)) {
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("Green Tea").doesNotContain(owner.email());
        }
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json()).isEmpty();
        JsonNode ownersView = owner.order(orderId).json();
        assertThat(ownersView.get("destination").get("x").asInt()).isEqualTo(5);
        JsonNode requested = ownersView.path("requestedDestination");
        assertThat(requested.isNull() || requested.isMissingNode()).as("no change was requested").isTrue();
    }

    @Test
    void wrongCredentialsGetTheSameAnswerWhetherOrNotTheEmailHasAnAccount() {
        String email = Shoppers.registered("enumerate");
        Reply wrongPassword = ShopClient.anonymous().as(email, "not the password 1").get("api/orders");
        Reply unknownEmail = ShopClient.anonymous().as("nobody-" + email, "not the password 1").get("api/orders");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownEmail.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void anApiPasswordStopsWorkingTheMomentItIsChanged() {
        String email = Shoppers.registered("rotate");
        String newPassword = "rotated pass " + UUID.randomUUID();
        // Several calls, so that the password is one the API has verified before (and remembers for a while).
        for (int call = 0; call < 3; call++) {
            assertThat(ShopClient.anonymous().as(email, Shoppers.PASSWORD).get("api/accounts/me").status()).isEqualTo(200);
        }

        FormClient.Page changed = FormClient.signedIn(email, Shoppers.PASSWORD).get("account/profile.xhtml")
                .submit("password", Map.of("password:currentPassword", Shoppers.PASSWORD,
                        "password:newPassword", newPassword, "password:newPasswordAgain", newPassword), "password:change");
        assertThat(changed.body()).contains("Password changed");

        assertThat(ShopClient.anonymous().as(email, Shoppers.PASSWORD).get("api/accounts/me").status()).isEqualTo(401);
        Reply withNewPassword = ShopClient.anonymous().as(email, newPassword).get("api/accounts/me");
        assertThat(withNewPassword.status()).isEqualTo(200);
        assertThat(withNewPassword.json().get("email").asText()).isEqualTo(email);
    }

    @Test
    void malformedOrOversizedInputGetsProblemDetailsWithoutAnyTrace() {
        ShopClient customer = ShopClient.newCustomer("fuzz");
        String longText = "x".repeat(5_000);
        Map<String, Reply> answers = Map.of(
                "order id not a number", customer.get("api/orders/abc"),
                "order id too large", customer.get("api/orders/99999999999999999999"),
                "product id not a number", ShopClient.anonymous().get("api/products/%27%20or%201=1"),
                "unknown path", ShopClient.anonymous().get("api/nothing-here"),
                "broken JSON", customer.postRaw("api/orders", "application/json", "{\"items\": [ {"),
                "oversized email", ShopClient.anonymous().post("api/accounts",
                        Map.of("email", longText + "@example.test", "displayName", "Long", "password", Shoppers.PASSWORD)),
                "oversized password", ShopClient.anonymous().post("api/accounts",
                        Map.of("email", Shoppers.uniqueEmail("long"), "displayName", "Long", "password", longText)),
                "oversized search", customer.get("api/orders?q=" + longText),
                "negative page size", ShopClient.anonymous().get("api/products?max=-5"));

        answers.forEach((what, reply) -> {
            assertThat(reply.status()).as(what).isBetween(400, 499);
            assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(reply.json().get("status").asInt()).as(what).isEqualTo(reply.status());
            assertThat(reply.body()).as(what).doesNotContain("Exception").doesNotContain("at com.")
                    .doesNotContain("at org.").doesNotContain("java.");
        });
        FormClient raw = FormClient.visitor();
        for (FormClient.Page answer : List.of(raw.request("DELETE", "api/products/1", null, null),
                raw.request("POST", "api/accounts", "text/plain", "email=a@b.c"))) {
            assertThat(answer.status()).as(answer.path()).isIn(405, 415);
            assertThat(answer.header("Content-Type")).as(answer.path()).startsWith("application/problem+json");
            assertThat(answer.body()).as(answer.path()).doesNotContain("Exception");
        }
        assertThat(answers.get("oversized email").status()).isEqualTo(400);
        assertThat(answers.get("oversized password").status()).isEqualTo(400);
    }

    @Test
    void aFieldOfTheWrongFormatIsNamedInTheAnswer() {
        ShopClient customer = ShopClient.newCustomer("format");
        Reply keyNotUuid = customer.postRaw("api/orders", "application/json", """
                {"idempotencyKey": "not-a-uuid", "items": [{"productId": 1, "quantity": 1}], "destination": {"x": 1, "y": 1}}""");
        Reply quantityNotNumber = customer.postRaw("api/orders", "application/json", """
                {"idempotencyKey": "%s", "items": [{"productId": 1, "quantity": "two"}], "destination": {"x": 1, "y": 1}}"""
                .formatted(UUID.randomUUID()));

        assertThat(keyNotUuid.status()).isEqualTo(400);
        assertThat(keyNotUuid.json().get("errors").get(0).get("field").asText()).isEqualTo("idempotencyKey");
        assertThat(keyNotUuid.json().get("errors").get(0).get("message").asText()).startsWith("must be a UUID");
        assertThat(quantityNotNumber.status()).isEqualTo(400);
        assertThat(quantityNotNumber.json().get("detail").asText()).contains("'items.quantity'").doesNotContain("two");
        for (Reply refused : List.of(keyNotUuid, quantityNotNumber)) {
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(orderCount(customer.email())).isZero();
    }

    @Test
    void wellFormedRequestsTheStoreRefusesGet422WithTheReason() {
        ShopClient customer = ShopClient.newCustomer("refused");
        Reply unknownProduct = customer.placeOrder(Map.of(999_999_999L, 1), 1, 1);
        Reply takenEmail = ShopClient.anonymous().post("api/accounts",
                Map.of("email", customer.email(), "displayName", "Again", "password", Shoppers.PASSWORD));

        assertThat(unknownProduct.status()).isEqualTo(422);
        assertThat(unknownProduct.json().get("detail").asText()).contains("999999999").contains("no longer for sale");
        assertThat(takenEmail.status()).isEqualTo(422);
        assertThat(takenEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        for (Reply refused : List.of(unknownProduct, takenEmail)) {
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(422);
        }
        assertThat(orderCount(customer.email())).isZero();
    }

    private static long orderCount(String email) {
        return ShopDatabase.longValue(
                "select count(*) from customer_order o join account a on a.id = o.customer_id where a.email = ?", email);
    }
}
