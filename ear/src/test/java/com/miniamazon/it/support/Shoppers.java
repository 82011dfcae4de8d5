package com.miniamazon.it.support;

import java.util.UUID;

/** Fresh, unique people for journeys, so tests never depend on each other's accounts. */
public final class Shoppers {

    /** Meets the password rules: long, letters and digits. */
    public static final String PASSWORD = "correct horse 42 battery";

    private Shoppers() {}

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }
}
