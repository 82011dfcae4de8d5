package com.miniamazon.gateway;

import com.miniamazon.infrastructure.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The seqnums of our commands, drawn from {@code outbox_seqnum_seq} a block at a time: each value the sequence
 * returns starts a block as long as the sequence's increment (50 since V26), handed out one by one from memory.
 * A checkout or a frame of reports appends several commands; asking the database for each number was a round
 * trip per command, made by checkouts while they held the lock of the stock row they had claimed. Seqnums only
 * need to be unique: the numbers of a block a restart leaves unused are simply never sent.
 *
 * <p>The block length is read with each block, not assumed: before V26 has run the sequence still counts in
 * ones, and a block of fifty would then hand out numbers that the next value of the sequence also starts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxSeqnums {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    private long next;
    private long end;

    /** The next unused seqnum. */
    public synchronized long next() {
        if (next == end) {
            Object[] block = (Object[]) NativeSql.withoutFlush(em, """
                            select nextval('outbox_seqnum_seq'),
                                   (select increment_by from pg_sequences where schemaname = current_schema()
                                      and sequencename = 'outbox_seqnum_seq')""")
                    .getSingleResult();
            next = ((Number) block[0]).longValue();
            end = next + Math.max(1, ((Number) block[1]).longValue());
        }
        return next++;
    }
}
