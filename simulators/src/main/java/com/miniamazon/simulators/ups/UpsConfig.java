package com.miniamazon.simulators.ups;

import com.miniamazon.simulators.Options;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The UPS simulator's settings. Port 0 binds an ephemeral port.
 *
 * @param trucks how many trucks to create with a new world
 * @param accounts the UPS user names that exist
 * @param worldId join this existing world instead of creating one (null: create, or resume the stored one)
 */
public record UpsConfig(String bindHost, int port, String worldHost, int worldPort, int trucks, int flakiness,
        int resendMillis, String dbUrl, String dbUser, String dbPassword, Set<String> accounts, Long worldId) {

    /** Flags the {@code ups} command knows. */
    public static final Set<String> FLAGS = Set.of("bind", "port", "world-host", "world-port", "trucks", "flakiness",
            "resend-ms", "db-url", "db-user", "db-password", "accounts", "world-id");

    public static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/miniamazon_ups";
    public static final String DEFAULT_ACCOUNTS = "alice,bob,carol";

    /** Reads the flags, with the documented defaults. */
    public static UpsConfig from(Options o) {
        String worldId = o.string("world-id", null);
        UpsConfig c = new UpsConfig(o.string("bind", "127.0.0.1"), o.integer("port", 34567), o.string("world-host", "127.0.0.1"),
                o.integer("world-port", 12345), o.integer("trucks", 50), o.integer("flakiness", 0), o.integer("resend-ms", 1000),
                o.string("db-url", DEFAULT_DB_URL), o.string("db-user", "postgres"), o.string("db-password", ""),
                accounts(o.string("accounts", DEFAULT_ACCOUNTS)), worldId == null ? null : Long.parseLong(worldId.trim()));
        c.validate();
        return c;
    }

    /** A comma list of names as a set. */
    public static Set<String> accounts(String commaList) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return Set.copyOf(names);
    }

    void validate() {
        if (flakiness < 0 || flakiness > 99) {
            throw new IllegalArgumentException("--flakiness must be 0..99, not " + flakiness);
        }
        if (trucks < 1) {
            throw new IllegalArgumentException("--trucks must be at least 1, not " + trucks);
        }
        if (resendMillis < 1) {
            throw new IllegalArgumentException("--resend-ms must be positive, not " + resendMillis);
        }
    }
}
