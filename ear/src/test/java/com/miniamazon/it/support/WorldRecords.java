package com.miniamazon.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the simulators recorded, read from their databases: the world's and UPS's own account of each package,
 * independent of what the store believes.
 */
public final class WorldRecords {

    private WorldRecords() {}

    /** How many times the world recorded {@code kind} (packed, loaded, delivered, ...) per package id. */
    public static Map<Long, Long> worldEventsPerPackage(String kind, Collection<Long> packageIds) throws SQLException {
        return countPerPackage(System.getProperty("it.world.db.name", "miniamazon_it_world"),
                "select package_id, count(*) from world_event where kind = ? and package_id = any(?) group by package_id",
                kind, packageIds);
    }

    /** How many times UPS recorded {@code kind} (loaded, delivered, ...) per shipid. */
    public static Map<Long, Long> upsEventsPerShipment(String kind, Collection<Long> shipIds) throws SQLException {
        return countPerPackage(System.getProperty("it.ups.db.name", "miniamazon_it_ups"),
                "select shipid, count(*) from ups_event where kind = ? and shipid = any(?) group by shipid",
                kind, shipIds);
    }

    /** The same, in the world database of a world a test runs itself. */
    public static Map<Long, Long> worldEventsPerPackage(String worldDatabase, String kind, Collection<Long> packageIds)
            throws SQLException {
        return countPerPackage(worldDatabase,
                "select package_id, count(*) from world_event where kind = ? and package_id = any(?) group by package_id",
                kind, packageIds);
    }

    /** The same, in the UPS database of a UPS a test runs itself. */
    public static Map<Long, Long> upsEventsPerShipment(String upsDatabase, String kind, Collection<Long> shipIds)
            throws SQLException {
        return countPerPackage(upsDatabase,
                "select shipid, count(*) from ups_event where kind = ? and shipid = any(?) group by shipid",
                kind, shipIds);
    }

    private static Map<Long, Long> countPerPackage(String database, String sql, String kind, Collection<Long> ids)
            throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (Connection c = Database.connect(database); var ps = c.prepareStatement(sql)) {
            ps.setString(1, kind);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
