package com.miniamazon.gateway;

import static com.miniamazon.infrastructure.SqlValues.instant;
import static com.miniamazon.infrastructure.SqlValues.toInteger;
import static com.miniamazon.infrastructure.SqlValues.toLong;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What administrators watch of the store's conversations with the world and UPS: the connections, the commands
 * still waiting for an acknowledgement, the errors the peers reported, and the orders that need a look.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class GatewayMonitor {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB
    private WorldGateway world;

    @EJB
    private UpsGateway ups;

    /** Both connections, world first. */
    public List<PeerStatus> connections() {
        return List.of(world.status(), ups.status());
    }

    /** The oldest commands still unacknowledged, with how often each was sent. */
    public List<PendingCommand> pendingCommands(int max) {
        List<Tuple> rows = em.createNativeQuery("""
                        select seqnum, peer, kind, shipment_id, created_at, send_count, last_sent_at
                        from outbox_message where acked_at is null order by seqnum limit ?1""", Tuple.class)
                .setParameter(1, max)
                .getResultList();
        return rows.stream().map(r -> new PendingCommand(
                toLong(r.get("seqnum")), Peer.valueOf((String) r.get("peer")), (String) r.get("kind"),
                toLong(r.get("shipment_id")),
                instant(r.get("created_at")), toInteger(r.get("send_count")), instant(r.get("last_sent_at"))))
                .toList();
    }

    /** Errors the peers answered to our commands, and reports the store could not apply, newest first. */
    public List<PeerProblem> recentProblems(int max) {
        List<Tuple> rows = em.createNativeQuery("""
                        select * from (
                            select 'refused' as what, peer, seqnum, kind, shipment_id, error as detail,
                                   coalesce(acked_at, created_at) as at
                            from outbox_message where error is not null
                            union all
                            select 'rejected', peer, seqnum, kind, shipment_id, detail, received_at
                            from inbound_message where outcome = 'REJECTED'
                        ) problems order by at desc limit ?1""", Tuple.class)
                .setParameter(1, max)
                .getResultList();
        return rows.stream().map(r -> new PeerProblem((String) r.get("what"), Peer.valueOf((String) r.get("peer")),
                toLong(r.get("seqnum")), (String) r.get("kind"),
                toLong(r.get("shipment_id")),
                (String) r.get("detail"), instant(r.get("at")))).toList();
    }

    /** Orders flagged with a problem, failed, or without progress for longer than {@code quietFor}. */
    public List<OrderNeedingAttention> ordersNeedingAttention(Duration quietFor, int max) {
        List<Tuple> rows = em.createNativeQuery("""
                        select o.id, o.status, o.status_changed_at, o.problem,
                               (select min(s.id) from shipment s where s.order_id = o.id) as shipment_id
                        from customer_order o
                        where o.problem is not null or o.status = 'FAILED'
                           or (o.status not in ('DELIVERED', 'FAILED', 'CANCELLED') and o.status_changed_at < ?1)
                        order by o.status_changed_at limit ?2""", Tuple.class)
                .setParameter(1, Instant.now().minus(quietFor))
                .setParameter(2, max)
                .getResultList();
        return rows.stream().map(r -> new OrderNeedingAttention(toLong(r.get("id")),
                toLong(r.get("shipment_id")),
                (String) r.get("status"), instant(r.get("status_changed_at")), (String) r.get("problem"))).toList();
    }

    /** A command not yet acknowledged. */
    public record PendingCommand(long seqnum, Peer peer, String kind, Long shipmentId, Instant createdAt, int sendCount,
            Instant lastSentAt) implements Serializable {}

    /** A peer's error answer ({@code refused}) or a report the store could not apply ({@code rejected}). */
    public record PeerProblem(String what, Peer peer, long seqnum, String kind, Long shipmentId, String detail, Instant at)
            implements Serializable {}

    /** An order an administrator should look at, and why. */
    public record OrderNeedingAttention(long orderId, Long shipmentId, String status, Instant statusChangedAt,
            String problem) implements Serializable {}

}
