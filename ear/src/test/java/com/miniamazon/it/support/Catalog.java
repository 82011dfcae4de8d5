package com.miniamazon.it.support;

import java.sql.Connection;
import java.sql.SQLException;

/** Seeded products by name, as a customer would pick them. */
public final class Catalog {

    private Catalog() {}

    public static long productId(String name) {
        try (Connection db = Database.shop()) {
            return Long.parseLong(Database.column(db, "select id from product where name = ?", name).get(0));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up product " + name, e);
        }
    }
}
