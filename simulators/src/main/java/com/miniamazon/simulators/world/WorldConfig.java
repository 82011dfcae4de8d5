package com.miniamazon.simulators.world;

import com.miniamazon.simulators.Options;
import java.util.Set;

/**
 * The world simulator's settings. Port 0 binds an ephemeral port (tests read the real one back).
 *
 * @param bindHost address the ports listen on
 * @param flakiness percent (0..99) of command items silently dropped
 * @param resendMillis how often un-acked response items are resent
 * @param simspeed the speed of newly created worlds
 * @param lowercaseStatus send truck statuses in lower case instead of upper case
 */
public record WorldConfig(String bindHost, int amazonPort, int upsPort, int flakiness, int resendMillis, int simspeed,
        String dbUrl, String dbUser, String dbPassword, boolean lowercaseStatus) {

    /** Flags the {@code world} command knows. */
    public static final Set<String> FLAGS = Set.of("bind", "amazon-port", "ups-port", "flakiness", "resend-ms", "simspeed",
            "db-url", "db-user", "db-password", "lowercase-status");

    public static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/miniamazon_world";

    /** Reads the flags, with the documented defaults. */
    public static WorldConfig from(Options o) {
        WorldConfig c = new WorldConfig(o.string("bind", "127.0.0.1"), o.integer("amazon-port", 23456),
                o.integer("ups-port", 12345), o.integer("flakiness", 0), o.integer("resend-ms", 1000),
                o.integer("simspeed", 100), o.string("db-url", DEFAULT_DB_URL), o.string("db-user", "postgres"),
                o.string("db-password", ""), o.flag("lowercase-status"));
        c.validate();
        return c;
    }

    void validate() {
        if (flakiness < 0 || flakiness > 99) {
            throw new IllegalArgumentException("--flakiness must be 0..99, not " + flakiness);
        }
        if (resendMillis < 1) {
            throw new IllegalArgumentException("--resend-ms must be positive, not " + resendMillis);
        }
        if (simspeed < 1) {
            throw new IllegalArgumentException("--simspeed must be positive, not " + simspeed);
        }
    }

    public WorldConfig withPorts(int amazon, int ups) {
        return new WorldConfig(bindHost, amazon, ups, flakiness, resendMillis, simspeed, dbUrl, dbUser, dbPassword, lowercaseStatus);
    }
}
