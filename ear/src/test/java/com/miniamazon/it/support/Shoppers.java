package com.miniamazon.it.support;

import java.util.Map;
import java.util.UUID;

/** Fresh, unique people for journeys, so tests never depend on each other's accounts. */
public final class Shoppers {

    /** Meets the password rules: long, letters and digits. */
    public static final String PASSWORD = "correct horse 42 battery";

    private Shoppers() {}

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** Opens a customer account through the API with {@link #PASSWORD}; returns its unique email. */
    public static String registered(String who) {
        return registered(who, who);
    }

    /** The same, with a display name of one's choosing. */
    public static String registered(String who, String displayName) {
        String email = uniqueEmail(who);
        ShopClient.Reply reply = ShopClient.anonymous().post("api/accounts",
                Map.of("email", email, "displayName", displayName, "password", PASSWORD));
        if (reply.status() != 201) {
            throw new IllegalStateException("registration of " + email + " failed: " + reply);
        }
        return email;
    }
}
