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
     * Numbers as a PostgreSQL array literal ({@code {1,2,3}}), for {@code = any(cast(? as bigint[]))}: one
     * statement text for any number of values, where an {@code in} list makes a new statement for each size.
     */
    public static String arrayLiteral(Collection<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
