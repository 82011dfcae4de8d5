package com.miniamazon.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Native statements that need not see, and cannot clash with, the entity changes a transaction has not flushed
 * yet: they draw from a sequence, read and write tables whose rows no entity in the transaction changes (stock
 * counts, which only SQL changes; the record of received items; the outbox's bookkeeping, in transactions of
 * its own), or run before the transaction has changed anything (the shipment locks a frame takes up front).
 *
 * <p>Hibernate cannot tell which tables a native statement touches, so under JPA it flushes the whole
 * persistence context before each one, dirty-checking every entity loaded so far. A transaction that loads a
 * few hundred shipments (stock arriving for a backlog, a large frame of reports) and then appends an outbox row
 * per shipment paid that check once per row: profiling WildFly under {@code bench/fulfilment} found 11 % of its
 * CPU in those flushes. Everything is still flushed before commit.
 */
public final class NativeSql {

    private NativeSql() {}

    /** A native statement run without flushing first; see the class comment for when that is right. */
    public static Query withoutFlush(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    /** The same, for a statement whose rows are read as entities of {@code resultClass}. */
    public static Query withoutFlush(EntityManager em, String sql, Class<?> resultClass) {
        return em.createNativeQuery(sql, resultClass).setFlushMode(FlushModeType.COMMIT);
    }

    /**
     * Values as a PostgreSQL array literal ({@code {1,2,NULL}}, {@code {"a","b"}}), for
     * {@code = any(cast(? as bigint[]))} or {@code unnest(cast(? as varchar[]))}: one statement text for any number
     * of values, where an {@code in} list makes a new statement for each size.
     */
    public static String arrayLiteral(Collection<?> values) {
        return values.stream().map(NativeSql::arrayElement).collect(Collectors.joining(",", "{", "}"));
    }

    /** Numbers as they are, null as NULL, and anything else as a quoted string with its quotes and backslashes escaped. */
    private static String arrayElement(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
