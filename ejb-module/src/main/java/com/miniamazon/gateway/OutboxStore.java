package com.miniamazon.gateway;

import com.miniamazon.infrastructure.NativeSql;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's bookkeeping, each call its own short transaction: which commands are due, which were sent
 * (with the next attempt pushed back exponentially, with jitter, up to a ceiling), which were acknowledged.
 *
 * <p>{@code @PermitAll}: its callers are the gateways' connection threads and the resend timer, which carry no
 * caller identity; it changes nothing of the domain and no page reaches it.
 */
@Stateless
@PermitAll
public class OutboxStore {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB
    private GatewayMetrics metrics;

    /**
     * The columns a send changes: one more send, now, and the next attempt after {@code :initial · 2^sends}
     * milliseconds, at most {@code :max}, ±20 %. Shared by the statements that take due commands and that record
     * a replay, so that both back off alike.
     */
    private static final String RECORD_SEND = """
            send_count = send_count + 1,
            last_sent_at = now(),
            next_send_at = now() + least(:max, :initial * power(2, least(send_count, 20)))
                                   * (0.8 + random() * 0.4) * interval '1 millisecond'
            """;

    /**
     * Takes the unacknowledged commands for {@code peer} whose next attempt is due, oldest first, and records
     * them as sent now, all in one statement: the next attempt comes after {@code initialMs · 2^sends}, at most
     * {@code maxMs}, ±20 %. The caller sends them right after; if that fails they simply fall due again (or are
     * replayed on the next connection). One statement instead of a read and then an update in a second
     * transaction halved the work of every send (found by profiling under {@code bench/fulfilment}). Rows a
     * concurrent taker holds are skipped, never sent twice at once.
     *
     * @return the commands, each with its send count already including this send
     */
    public List<OutboxMessage> takeDue(Peer peer, int limit, long initialMs, long maxMs) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> taken = NativeSql.withoutFlush(em, "update outbox_message m set " + RECORD_SEND + """
                        from (select seqnum from outbox_message
                              where peer = :peer and acked_at is null and next_send_at <= now()
                              order by seqnum limit :limit
                              for update skip locked) due
                        where m.seqnum = due.seqnum
                        returning m.*""", OutboxMessage.class)
                .setParameter("peer", peer.name())
                .setParameter("limit", limit)
                .setParameter("max", maxMs)
                .setParameter("initial", initialMs)
                .getResultList();
        return taken.stream().sorted(Comparator.comparingLong(OutboxMessage::getSeqnum)).toList();
    }

    /** Every unacknowledged command for {@code peer} after {@code afterSeqnum}: what a new connection replays. */
    public List<OutboxMessage> unacknowledged(Peer peer, long afterSeqnum, int limit) {
        return em.createQuery("""
                        select m from OutboxMessage m
                        where m.peer = :peer and m.ackedAt is null and m.seqnum > :after
                        order by m.seqnum""", OutboxMessage.class)
                .setParameter("peer", peer)
                .setParameter("after", afterSeqnum)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Records a send; the next attempt comes after {@code initialMs · 2^sends}, at most {@code maxMs}, ±20 %. */
    public void markSent(List<Long> seqnums, long initialMs, long maxMs) {
        if (seqnums.isEmpty()) {
            return;
        }
        NativeSql.withoutFlush(em, "update outbox_message set " + RECORD_SEND + """
                        where seqnum = any(cast(:seqnums as bigint[])) and acked_at is null""")
                .setParameter("max", maxMs)
                .setParameter("initial", initialMs)
                .setParameter("seqnums", NativeSql.arrayLiteral(seqnums))
                .executeUpdate();
    }

    /**
     * Marks commands acknowledged; repeated acknowledgements change nothing.
     *
     * @return how long each newly acknowledged command waited, from its creation
     */
    public List<Duration> markAcknowledged(Peer peer, List<Long> seqnums) {
        if (seqnums.isEmpty()) {
            return List.of();
        }
        // Runs first in the transaction of a received frame, with nothing to flush; an array, not an in list, so
        // that acknowledgements of any number share one prepared statement.
        List<?> waitedMillis = NativeSql.withoutFlush(em, """
                        update outbox_message set acked_at = now()
                        where peer = :peer and seqnum = any(cast(:seqnums as bigint[])) and acked_at is null
                        returning cast(extract(epoch from (now() - created_at)) * 1000 as bigint)""")
                .setParameter("peer", peer.name())
                .setParameter("seqnums", NativeSql.arrayLiteral(seqnums))
                .getResultList();
        List<Duration> waits = waitedMillis.stream().map(ms -> Duration.ofMillis(((Number) ms).longValue())).toList();
        metrics.acknowledged(peer, waits);
        return waits;
    }

    /**
     * Records the peer's error answer to one of our commands; an answered command is not sent again.
     *
     * @return the command, when it is ours
     */
    public Optional<OutboxMessage> recordError(Peer peer, long seqnum, String error) {
        OutboxMessage message = em.find(OutboxMessage.class, seqnum);
        if (message == null || message.getPeer() != peer) {
            return Optional.empty();
        }
        em.createNativeQuery("""
                        update outbox_message set error = :error, acked_at = coalesce(acked_at, now())
                        where seqnum = :seqnum""")
                .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("seqnum", seqnum)
                .executeUpdate();
        return Optional.of(message);
    }

    /** How many commands to {@code peer} await acknowledgement. */
    public long backlog(Peer peer) {
        return em.createQuery("select count(m) from OutboxMessage m where m.peer = :peer and m.ackedAt is null", Long.class)
                .setParameter("peer", peer)
                .getSingleResult();
    }
}
