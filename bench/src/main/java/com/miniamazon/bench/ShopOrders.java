package com.miniamazon.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many of the shop's orders are delivered and how many are still on their way, read from its database on
 * every call. The shop's {@code miniamazon_orders} gauge is recounted every 10 s, too coarse to time a backlog
 * that leaves in 20 s, and every scrape of /metrics costs WildFly CPU that the store under test needs.
 */
final class ShopOrders implements AutoCloseable {

    private final Connection connection;

    ShopOrders(String jdbcUrl, String user) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, "");
        connection.setReadOnly(true);
    }

    /** From bench.shop.jdbc (default: the run command's database on 127.0.0.1) and bench.pg.user. */
    static ShopOrders fromSystemProperties() throws SQLException {
        return new ShopOrders(System.getProperty("bench.shop.jdbc", "jdbc:postgresql://127.0.0.1:5432/miniamazon"),
                System.getProperty("bench.pg.user", "postgres"));
    }

    Counts counts() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) filter (where status = 'DELIVERED'), "
                        + "count(*) filter (where status not in ('DELIVERED', 'FAILED', 'CANCELLED')) from customer_order")) {
            row.next();
            return new Counts(row.getLong(1), row.getLong(2));
        }
    }

    long delivered() throws SQLException {
        return counts().delivered();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    record Counts(long delivered, long onTheirWay) {}
}
