package com.miniamazon.gateway;

import com.miniamazon.accounts.Roles;
import com.miniamazon.fulfilment.CommandKind;
import com.miniamazon.fulfilment.FulfilmentService;
import com.miniamazon.fulfilment.InboundCause;
import com.miniamazon.fulfilment.ReportRejected;
import com.miniamazon.infrastructure.NativeSql;
import com.miniamazon.inventory.GridPoint;
import com.miniamazon.inventory.InventoryService;
import com.miniamazon.inventory.Warehouse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Applies each received item exactly once. In one new transaction per item it records (peer, world, seqnum)
 * and applies the item's effect; an item already recorded is a repeat, acknowledged again by the caller but not
 * applied. A report that cannot be applied is recorded as rejected, with the reason, and also acknowledged. Any
 * other failure rolls the whole item back: it stays unrecorded and unacknowledged, and the peer's resend brings
 * it again.
 *
 * <p>{@code @PermitAll}: its callers are the gateways' connection threads, which carry no caller identity; it is
 * not reachable from any page. It calls fulfilment as {@code system}.
 */
@Stateless
@PermitAll
@RunAs(Roles.SYSTEM)
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);

    /** What became of a received item. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED
    }

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB
    private FulfilmentService fulfilment;

    @EJB
    private OutboxStore outbox;

    @EJB
    private InventoryService inventory;

    /** One item received from a peer, with the peer's seqnum. */
    public record Received(long seqnum, Report report) {}

    /** Applies one item in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome apply(Peer peer, long worldId, long seqnum, Report report) {
        return applyAll(peer, worldId, List.of(), List.of(new Received(seqnum, report))).get(0);
    }

    /**
     * Records the peer's acknowledgements of our commands and applies all items of one frame, in a single
     * transaction, in the order given: one commit instead of one per item when a peer reports much at once.
     * The frame's items are recorded in one statement first, and only those recorded for the first time are
     * applied (and their shipments locked): a peer that waits long for its acks resends everything, so under
     * load most items of a frame can be repeats, and recording them one statement each (then locking, for a
     * repeated stock arrival, every shipment waiting in its warehouse) made the backlog grow with its own resends.
     *
     * @throws RuntimeException when any item fails other than by a rejection; nothing of the frame is then
     *     applied, and the caller applies the items one by one so that one bad item holds back only itself
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> applyAll(Peer peer, long worldId, List<Long> acknowledged, List<Received> items) {
        if (!acknowledged.isEmpty()) {
            outbox.markAcknowledged(peer, acknowledged);
        }
        Set<Long> firstTime = recordFirstReceipts(peer, worldId, items);
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(items.size(), Outcome.DUPLICATE));
        List<Integer> toApply = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (firstTime.remove(items.get(i).seqnum())) { // removed: the same seqnum later in the frame is a repeat
                toApply.add(i);
            }
        }
        lockShipments(toApply.stream().map(i -> items.get(i).report()).toList());
        for (int i : toApply) {
            Received item = items.get(i);
            outcomes.set(i, applyRecorded(peer, worldId, item.seqnum(), item.report()));
        }
        if (toApply.size() < items.size()) {
            LOG.debugf("peer=%s %d of %d item(s) repeated; acknowledged again, not applied", peer,
                    items.size() - toApply.size(), items.size());
        }
        return outcomes;
    }

    /** Records the items' (peer, world, seqnum) in one statement; the seqnums not recorded before. */
    private Set<Long> recordFirstReceipts(Peer peer, long worldId, List<Received> items) {
        Map<Long, Received> bySeqnum = new LinkedHashMap<>();
        items.forEach(item -> bySeqnum.putIfAbsent(item.seqnum(), item));
        @SuppressWarnings("unchecked")
        List<Number> recorded = NativeSql.withoutFlush(em, """
                        insert into inbound_message (peer, world_id, seqnum, kind, shipment_id, received_at, outcome)
                        select ?1, ?2, r.seqnum, r.kind, r.shipment_id, ?3, 'APPLIED'
                        from unnest(cast(?4 as bigint[]), cast(?5 as varchar[]), cast(?6 as bigint[])) as r(seqnum, kind, shipment_id)
                        on conflict do nothing
                        returning seqnum""")
                .setParameter(1, peer.name())
                .setParameter(2, worldId)
                .setParameter(3, Instant.now())
                .setParameter(4, NativeSql.arrayLiteral(bySeqnum.keySet()))
                .setParameter(5, NativeSql.arrayLiteral(bySeqnum.values().stream().map(r -> r.report().kind()).toList()))
                .setParameter(6, NativeSql.arrayLiteral(bySeqnum.values().stream().map(r -> r.report().shipmentId()).toList()))
                .getResultList();
        Set<Long> firstTime = new HashSet<>();
        recorded.forEach(seqnum -> firstTime.add(seqnum.longValue()));
        return firstTime;
    }

    /**
     * Locks every shipment the items may change before any is applied, lowest id first (see
     * {@link FulfilmentService#lockForReports}): reports of one frame name shipments in any order, and stock that
     * arrives changes the shipments waiting for it, so locking them one by one as the items come could deadlock
     * with UPS's transactions.
     */
    private void lockShipments(List<Report> reports) {
        Set<Long> named = new TreeSet<>();
        Set<Integer> receiving = new TreeSet<>();
        for (Report report : reports) {
            named.addAll(report.shipmentIds());
            if (report instanceof Report.StockArrived arrived) {
                receiving.add(arrived.warehouseId());
            }
        }
        fulfilment.lockForReports(named, receiving);
    }

    /** Applies an item whose receipt this transaction recorded; a rejection is noted on that record. */
    private Outcome applyRecorded(Peer peer, long worldId, long seqnum, Report report) {
        try {
            InboundCause.during(peer.name(), seqnum, () -> {
                dispatch(peer, report);
                return null;
            });
            return Outcome.APPLIED;
        } catch (ReportRejected rejected) {
            LOG.warnf("peer=%s seq=%d %s shipid=%s rejected: %s", peer, seqnum, report.kind(), report.shipmentId(),
                    rejected.getMessage());
            NativeSql.withoutFlush(em, """
                            update inbound_message set outcome = 'REJECTED', detail = :detail
                            where peer = :peer and world_id = :world and seqnum = :seqnum""")
                    .setParameter("detail", truncate(rejected.getMessage()))
                    .setParameter("peer", peer.name())
                    .setParameter("world", worldId)
                    .setParameter("seqnum", seqnum)
                    .executeUpdate();
            return Outcome.REJECTED;
        }
    }

    /**
     * Records the world UPS announced.
     *
     * @return whether it differs from the world known so far (the world connection must then rejoin)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean learnWorld(long worldId) {
        WorldSession session = em.find(WorldSession.class, WorldSession.THE_SESSION, LockModeType.PESSIMISTIC_WRITE);
        boolean changed = session.learn(worldId, Instant.now());
        if (changed) {
            LOG.infof("UPS announced world %d; the store joins it", worldId);
        }
        return changed;
    }

    /** The world the store should join, if UPS has announced one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> knownWorld() {
        return Optional.ofNullable(em.find(WorldSession.class, WorldSession.THE_SESSION).getWorldId());
    }

    /** Our warehouses, as the world must be told them when we join. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Warehouse> warehouses() {
        return inventory.warehouses();
    }

    /** The store is connected to {@code worldId}: stock its warehouses if this is a world it has not stocked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void joinedWorld(long worldId) {
        WorldSession session = em.find(WorldSession.class, WorldSession.THE_SESSION, LockModeType.PESSIMISTIC_WRITE);
        fulfilment.worldJoined(worldId, session.getStockedWorldId());
        session.stocked(worldId);
    }

    private void dispatch(Peer peer, Report report) throws ReportRejected {
        if (report instanceof Report.StockArrived r) {
            fulfilment.stockArrived(r.warehouseId(), r.units());
        } else if (report instanceof Report.Packed r) {
            fulfilment.packed(r.shipment());
        } else if (report instanceof Report.Loaded r) {
            fulfilment.loaded(r.shipment());
        } else if (report instanceof Report.PackageStatus r) {
            fulfilment.packageStatusReported(r.shipment(), r.status());
        } else if (report instanceof Report.CommandError r) {
            commandRefused(peer, r);
        } else if (report instanceof Report.TruckArrived r) {
            fulfilment.truckArrived(r.truckId(), r.warehouseId(), r.shipments());
        } else if (report instanceof Report.OutForDelivery r) {
            fulfilment.outForDelivery(r.shipment(), r.truckId());
        } else if (report instanceof Report.Delivered r) {
            fulfilment.delivered(r.shipment(), new GridPoint(r.x(), r.y()));
        } else if (report instanceof Report.DestinationChangeAnswered r) {
            fulfilment.destinationChangeAnswered(r.shipment(), r.accepted(), r.reason());
        } else if (report instanceof Report.AccountAnswered r) {
            fulfilment.accountChecked(r.account(), r.exists());
        } else {
            throw new IllegalArgumentException("no handler for " + report.kind());
        }
    }

    private void commandRefused(Peer peer, Report.CommandError error) throws ReportRejected {
        Optional<OutboxMessage> command = outbox.recordError(peer, error.originSeqnum(), error.error());
        if (command.isEmpty()) {
            throw new ReportRejected("error '" + error.error() + "' about seqnum " + error.originSeqnum() + ", which is not ours");
        }
        // The peer's own seqnum for the error is in the cause (e.g. WORLD#42); ours is the refused command's.
        LOG.errorf("peer=%s refused our seq=%d %s shipid=%s: %s (cause=%s)", peer, error.originSeqnum(),
                command.get().getKind(), command.get().getShipmentId(), error.error(), InboundCause.current());
        fulfilment.commandRefused(CommandKind.valueOf(command.get().getKind()), command.get().getShipmentId(), error.error());
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }
}
