package com.miniamazon.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the test machine's PostgreSQL, to look at what the shop stored as a person with psql would. */
public final class Database {

    private Database() {}

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(TestEnvironment.jdbcUrl(database), "postgres", "");
    }

    /** The shop's own test database. */
    public static Connection shop() throws SQLException {
        return connect(TestEnvironment.databaseName());
    }

    /** Drops (if present) and creates an empty database; the name must be a plain identifier. */
    public static void recreate(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(database);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    public static void drop(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(database);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }

    /** The first column of every row of a query, as text. */
    public static List<String> column(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    public static long count(Connection c, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(column(c, sql, parameters).get(0));
    }
}
