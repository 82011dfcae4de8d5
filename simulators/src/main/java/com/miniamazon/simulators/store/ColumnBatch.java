package com.miniamazon.simulators.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one statement that takes each column as an array ({@code select * from unnest(?::bigint[], ...)}), so a
 * whole batch of rows costs one statement and one round trip however many rows it has.
 */
public final class ColumnBatch {

    private final String sql;
    private final String[] elementTypes;
    private final List<List<Object>> columns = new ArrayList<>();

    /**
     * @param sql the statement, with one array parameter per column
     * @param elementTypes the SQL element type of each column's array, e.g. "bigint", "text", "bytea"
     */
    public ColumnBatch(String sql, String... elementTypes) {
        this.sql = sql;
        this.elementTypes = elementTypes;
        for (int i = 0; i < elementTypes.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    /** Adds one row; values in column order, nulls allowed. */
    public void add(Object... row) {
        if (row.length != elementTypes.length) {
            throw new IllegalArgumentException("row of " + row.length + " values for " + elementTypes.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            columns.get(i).add(row[i]);
        }
    }

    public int rows() {
        return columns.get(0).size();
    }

    /** Runs the statement once with every row added, if there is any. */
    public void execute(Connection c) throws SQLException {
        if (rows() == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < elementTypes.length; i++) {
                List<Object> column = columns.get(i);
                Object[] values = "bytea".equals(elementTypes[i]) ? column.toArray(new byte[0][]) : column.toArray();
                ps.setArray(i + 1, c.createArrayOf(elementTypes[i], values));
            }
            ps.execute();
        }
    }
}
