package com.miniamazon.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Converts the values native queries return (whose Java types vary with the driver and the column) into the
 * types the read models use. Null stays null.
 */
public final class SqlValues {

    private SqlValues() {}

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    public static Long toLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static Integer toInteger(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
