package com.miniamazon.simulators.ups;

import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.ups.AUChangeDestination;
import com.miniamazon.protocol.ups.AUErr;
import com.miniamazon.protocol.ups.AULoaded;
import com.miniamazon.protocol.ups.AUQueryAccount;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.protocol.ups.UAAccountResult;
import com.miniamazon.protocol.ups.UAChangeResult;
import com.miniamazon.protocol.ups.UADelivered;
import com.miniamazon.protocol.ups.UAErr;
import com.miniamazon.protocol.ups.UAOutForDelivery;
import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.protocol.ups.UAWorld;
import com.miniamazon.protocol.world.UDeliveryLocation;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UGoDeliver;
import com.miniamazon.protocol.world.UGoPickup;
import com.miniamazon.simulators.net.OutboundItem;
import com.miniamazon.simulators.net.ReliableChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The carrier's state and rules: which truck fetches which shipment, when a truck leaves to deliver, what Amazon
 * and the world are told. Every method runs on the UPS loop thread; changes go to {@link #changes}, outgoing items
 * to the two channels (sent after the commit).
 */
final class Carrier {

    private static final Logger LOG = Logger.getLogger(Carrier.class);
    /** Coordinates beyond this are refused as bad input. */
    static final int MAX_COORDINATE = 1_000_000;
    /** A truck takes at most this many shipments on one trip. */
    static final int MAX_SHIPMENTS_PER_TRUCK = 20;

    Long worldId;
    long nextSeqnum = 1;
    final Map<Integer, UpsTruck> trucks = new LinkedHashMap<>();
    final Map<Long, Shipment> shipments = new HashMap<>();
    /** Seqnums of UGoPickup commands sent in this run, with their truck, to undo a pickup the world refuses. */
    private final Map<Long, Integer> pickupsSent = new HashMap<>();
    /** Shipments whose refused pickup Amazon has been told about (once each). */
    private final Set<Long> refusalsReported = new java.util.HashSet<>();
    static final long PICKUP_RETRY_MILLIS = 5000;
    private final Scheduler scheduler;

    /** Runs a task on the carrier's loop later. */
    @FunctionalInterface
    interface Scheduler {
        void later(long delayMillis, Runnable task);
    }

    /** Shipments that found no truck yet, oldest first. */
    final Set<Long> waiting = new LinkedHashSet<>();
    final ReliableChannel amazon;
    final ReliableChannel world;
    final UpsChanges changes = new UpsChanges();
    private final Set<String> accounts;

    Carrier(Set<String> accounts, long resendMillis, Scheduler scheduler) {
        this.accounts = accounts;
        this.scheduler = scheduler;
        this.amazon = new ReliableChannel("ups amazon", UpsEnvelopes::amazon, resendMillis);
        this.world = new ReliableChannel("ups world", UpsEnvelopes::world, resendMillis);
    }

    /** Creates {@code count} trucks spread over a 10-column grid with 10 units between neighbours. */
    void createTrucks(int count) {
        for (int i = 1; i <= count; i++) {
            UpsTruck t = new UpsTruck(i, ((i - 1) % 10) * 10, ((i - 1) / 10) * 10);
            trucks.put(t.id, t);
            changes.trucks.add(t.id);
        }
    }

    /** A UAWorld item telling Amazon the world; not stored (a new one is made for every Amazon connection). */
    OutboundItem worldItem() {
        long seq = takeSeqnum();
        return new OutboundItem(seq, UpsEnvelopes.UA_WORLD, UAWorld.newBuilder().setSeqnum(seq).setWorldid(worldId).build());
    }

    // ---- from Amazon ----

    void requestPickup(AURequestPickup p) {
        if (!valid(p.getWhX(), p.getWhY()) || !valid(p.getDestX(), p.getDestY())) {
            amazonError(p.getSeqnum(), "bad coordinates for shipid " + p.getShipid());
            return;
        }
        if (shipments.containsKey(p.getShipid())) {
            amazonError(p.getSeqnum(), "shipid " + p.getShipid() + " was already requested");
            return;
        }
        if (p.hasUpsAccount() && !accounts.contains(p.getUpsAccount())) {
            LOG.infof("event=unknown_account shipid=%d ups_account=%s", p.getShipid(), p.getUpsAccount());
        }
        Shipment s = new Shipment(p);
        shipments.put(s.shipid, s);
        changes.shipments.add(s.shipid);
        record("requested", s.shipid, null, s.warehouseId(), s.destX, s.destY);
        assign(s);
    }

    /** Puts a waiting shipment on a truck collecting at its warehouse, else on the nearest idle truck. */
    private boolean assign(Shipment s) {
        UpsTruck chosen = null;
        for (UpsTruck t : trucks.values()) {
            if (collects(t, s.warehouseId())) {
                chosen = t;
                break;
            }
        }
        if (chosen == null) {
            long best = Long.MAX_VALUE;
            for (UpsTruck t : trucks.values()) {
                if (t.status == UpsTruck.Status.IDLE && t.shipments.isEmpty()) {
                    long dx = (long) t.x - s.request.getWhX();
                    long dy = (long) t.y - s.request.getWhY();
                    long d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        chosen = t;
                    }
                }
            }
            if (chosen == null) {
                if (waiting.add(s.shipid)) {
                    LOG.infof("event=waiting_for_truck shipid=%d wh=%d", s.shipid, s.warehouseId());
                }
                return false;
            }
            chosen.status = UpsTruck.Status.TO_WAREHOUSE;
            chosen.warehouseId = s.warehouseId();
            long seq = takeSeqnum();
            emitWorld(UpsEnvelopes.U_PICKUP, UGoPickup.newBuilder().setTruckid(chosen.id).setWhid(s.warehouseId()).setSeqnum(seq).build(), seq);
            pickupsSent.put(seq, chosen.id);
            record("pickup_sent", null, chosen.id, s.warehouseId(), null, null);
        }
        waiting.remove(s.shipid);
        s.truckId = chosen.id;
        chosen.shipments.add(s.shipid);
        changes.trucks.add(chosen.id);
        changes.shipments.add(s.shipid);
        record("assigned", s.shipid, chosen.id, s.warehouseId(), null, null);
        if (chosen.status == UpsTruck.Status.AT_WAREHOUSE) {
            s.status = Shipment.Status.TRUCK_ARRIVED;
            tellArrived(chosen, List.of(s.shipid));
        } else {
            s.status = Shipment.Status.TRUCK_ASSIGNED;
        }
        return true;
    }

    /**
     * Whether a new shipment at this warehouse may ride on this truck: it was sent there and has not left, it is
     * not full, and Amazon has not started loading it (else a steady stream of new shipments could keep it waiting
     * for ever, since it leaves only when everything on it is loaded).
     */
    private boolean collects(UpsTruck t, int warehouse) {
        if (!t.collectsAt(warehouse) || t.shipments.size() >= MAX_SHIPMENTS_PER_TRUCK) {
            return false;
        }
        for (long shipid : t.shipments) {
            if (shipments.get(shipid).status == Shipment.Status.LOADED) {
                return false;
            }
        }
        return true;
    }

    void loaded(AULoaded l) {
        UpsTruck truck = trucks.get(l.getTruckid());
        if (truck == null) {
            amazonError(l.getSeqnum(), "unknown truck " + l.getTruckid());
            return;
        }
        for (long shipid : l.getShipidList()) {
            Shipment s = shipments.get(shipid);
            if (s == null) {
                amazonError(l.getSeqnum(), "unknown shipid " + shipid);
                return;
            }
            if (s.truckId == null || s.truckId != truck.id || s.left()) {
                amazonError(l.getSeqnum(), "shipid " + shipid + " is not waiting on truck " + truck.id);
                return;
            }
        }
        for (long shipid : l.getShipidList()) {
            Shipment s = shipments.get(shipid);
            s.status = Shipment.Status.LOADED;
            changes.shipments.add(shipid);
            record("loaded", shipid, truck.id, s.warehouseId(), null, null);
        }
        departIfLoaded(truck);
    }

    void changeDestination(AUChangeDestination c) {
        Shipment s = shipments.get(c.getShipid());
        if (s == null) {
            amazonError(c.getSeqnum(), "unknown shipid " + c.getShipid());
            return;
        }
        if (!valid(c.getDestX(), c.getDestY())) {
            amazonError(c.getSeqnum(), "bad coordinates (" + c.getDestX() + "," + c.getDestY() + ")");
            return;
        }
        long seq = takeSeqnum();
        UAChangeResult.Builder r = UAChangeResult.newBuilder().setSeqnum(seq).setShipid(s.shipid);
        if (s.left()) {
            r.setOk(false).setReason("shipment " + s.shipid + " is already " + (s.status == Shipment.Status.DELIVERED ? "delivered" : "out for delivery"));
        } else {
            s.destX = c.getDestX();
            s.destY = c.getDestY();
            changes.shipments.add(s.shipid);
            r.setOk(true);
            record("destination_changed", s.shipid, s.truckId, null, s.destX, s.destY);
        }
        emitAmazon(UpsEnvelopes.UA_CHANGE, r.build(), seq);
    }

    void queryAccount(AUQueryAccount q) {
        long seq = takeSeqnum();
        emitAmazon(UpsEnvelopes.UA_ACCOUNT, UAAccountResult.newBuilder().setSeqnum(seq).setUpsAccount(q.getUpsAccount())
                .setExists(accounts.contains(q.getUpsAccount())).build(), seq);
    }

    void amazonReportedError(AUErr e) {
        LOG.warnf("event=amazon_error originseqnum=%d err=\"%s\"", e.getOriginseqnum(), e.getErr());
        record("amazon_error", null, null, null, null, null);
    }

    // ---- from the world ----

    void finished(UFinished f) {
        UpsTruck truck = trucks.get(f.getTruckid());
        if (truck == null) {
            LOG.warnf("event=unknown_truck_report truck=%d status=\"%s\"", f.getTruckid(), f.getStatus());
            return;
        }
        truck.x = f.getX();
        truck.y = f.getY();
        changes.trucks.add(truck.id);
        String status = f.getStatus().toLowerCase(Locale.ROOT);
        if (status.equals("arrive warehouse")) {
            pickupsSent.values().remove(truck.id);
            truck.status = UpsTruck.Status.AT_WAREHOUSE;
            record("truck_arrived", null, truck.id, truck.warehouseId, truck.x, truck.y);
            List<Long> arrivedFor = new ArrayList<>();
            for (long shipid : truck.shipments) {
                Shipment s = shipments.get(shipid);
                if (s.status == Shipment.Status.TRUCK_ASSIGNED) {
                    s.status = Shipment.Status.TRUCK_ARRIVED;
                    changes.shipments.add(shipid);
                    arrivedFor.add(shipid);
                }
            }
            if (!arrivedFor.isEmpty()) {
                tellArrived(truck, arrivedFor);
            } else if (truck.shipments.isEmpty()) {
                becomeIdle(truck);
            }
            departIfLoaded(truck);
        } else if (status.equals("idle")) {
            record("truck_idle", null, truck.id, null, truck.x, truck.y);
            becomeIdle(truck);
        }
    }

    void delivered(UDeliveryMade d) {
        Shipment s = shipments.get(d.getPackageid());
        if (s == null || s.status == Shipment.Status.DELIVERED) {
            LOG.warnf("event=unexpected_delivery shipid=%d truck=%d", d.getPackageid(), d.getTruckid());
            return;
        }
        s.status = Shipment.Status.DELIVERED;
        changes.shipments.add(s.shipid);
        UpsTruck truck = trucks.get(d.getTruckid());
        if (truck != null) {
            truck.shipments.remove(s.shipid);
        }
        long seq = takeSeqnum();
        emitAmazon(UpsEnvelopes.UA_DELIVERED, UADelivered.newBuilder().setSeqnum(seq).setShipid(s.shipid).setX(s.destX)
                .setY(s.destY).build(), seq);
        record("delivered", s.shipid, d.getTruckid(), null, s.destX, s.destY);
    }

    void worldError(UErr e) {
        LOG.errorf("event=world_error originseqnum=%d err=\"%s\"", e.getOriginseqnum(), e.getErr());
        record("world_error", null, null, null, null, null);
        Integer truckId = pickupsSent.remove(e.getOriginseqnum());
        UpsTruck truck = truckId == null ? null : trucks.get(truckId);
        if (truck == null || truck.status != UpsTruck.Status.TO_WAREHOUSE) {
            return;
        }
        // The world refused the pickup (say, a warehouse Amazon has not declared yet): the shipments wait for
        // another try, and Amazon hears of it once per shipment.
        for (long shipid : new ArrayList<>(truck.shipments)) {
            Shipment s = shipments.get(shipid);
            if (s.status != Shipment.Status.TRUCK_ASSIGNED) {
                continue;
            }
            truck.shipments.remove(shipid);
            s.truckId = null;
            s.status = Shipment.Status.WAITING;
            waiting.add(shipid);
            changes.shipments.add(shipid);
            if (refusalsReported.add(shipid)) {
                amazonError(s.request.getSeqnum(), "the world refused a pickup for shipid " + shipid + " at warehouse "
                        + s.warehouseId() + ": " + e.getErr() + "; UPS retries every " + PICKUP_RETRY_MILLIS / 1000 + " s");
            }
        }
        truck.status = UpsTruck.Status.IDLE;
        truck.warehouseId = null;
        changes.trucks.add(truck.id);
        scheduler.later(PICKUP_RETRY_MILLIS, this::retryWaiting);
    }

    /** Tries again to put waiting shipments on trucks (after a refused pickup). */
    void retryWaiting() {
        for (long shipid : new ArrayList<>(waiting)) {
            assign(shipments.get(shipid));
        }
    }

    // ---- rules ----

    private void becomeIdle(UpsTruck truck) {
        truck.status = UpsTruck.Status.IDLE;
        truck.warehouseId = null;
        changes.trucks.add(truck.id);
        // The freed truck takes shipments that found none, oldest first.
        for (long shipid : new ArrayList<>(waiting)) {
            assign(shipments.get(shipid)); // those that still find no truck stay waiting, in order
        }
    }

    /** When every shipment waiting on a truck at its warehouse is loaded, sends it delivering, nearest drop first. */
    private void departIfLoaded(UpsTruck truck) {
        if (truck.status != UpsTruck.Status.AT_WAREHOUSE || truck.shipments.isEmpty()) {
            return;
        }
        List<Shipment> load = new ArrayList<>();
        for (long shipid : truck.shipments) {
            Shipment s = shipments.get(shipid);
            if (s.status != Shipment.Status.LOADED) {
                return;
            }
            load.add(s);
        }
        List<Shipment> route = nearestFirst(truck.x, truck.y, load);
        long seq = takeSeqnum();
        UGoDeliver.Builder go = UGoDeliver.newBuilder().setTruckid(truck.id).setSeqnum(seq);
        for (Shipment s : route) {
            go.addPackages(UDeliveryLocation.newBuilder().setPackageid(s.shipid).setX(s.destX).setY(s.destY));
        }
        emitWorld(UpsEnvelopes.U_DELIVER, go.build(), seq);
        truck.status = UpsTruck.Status.DELIVERING;
        truck.warehouseId = null;
        changes.trucks.add(truck.id);
        for (Shipment s : route) {
            s.status = Shipment.Status.OUT_FOR_DELIVERY;
            changes.shipments.add(s.shipid);
            long out = takeSeqnum();
            emitAmazon(UpsEnvelopes.UA_OUT_FOR_DELIVERY, UAOutForDelivery.newBuilder().setSeqnum(out).setShipid(s.shipid)
                    .setTruckid(truck.id).build(), out);
            record("out_for_delivery", s.shipid, truck.id, null, s.destX, s.destY);
        }
    }

    private static List<Shipment> nearestFirst(int x, int y, List<Shipment> left) {
        List<Shipment> todo = new ArrayList<>(left);
        List<Shipment> route = new ArrayList<>();
        int cx = x;
        int cy = y;
        while (!todo.isEmpty()) {
            Shipment best = todo.get(0);
            long bestD = Long.MAX_VALUE;
            for (Shipment s : todo) {
                long dx = (long) s.destX - cx;
                long dy = (long) s.destY - cy;
                long d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = s;
                }
            }
            todo.remove(best);
            route.add(best);
            cx = best.destX;
            cy = best.destY;
        }
        return route;
    }

    private void tellArrived(UpsTruck truck, List<Long> shipids) {
        long seq = takeSeqnum();
        emitAmazon(UpsEnvelopes.UA_ARRIVED, UATruckArrived.newBuilder().setSeqnum(seq).setTruckid(truck.id)
                .setWhnum(truck.warehouseId).addAllShipid(shipids).build(), seq);
        for (long shipid : shipids) {
            record("truck_at_warehouse", shipid, truck.id, truck.warehouseId, truck.x, truck.y);
        }
    }

    private static boolean valid(int x, int y) {
        return Math.abs((long) x) <= MAX_COORDINATE && Math.abs((long) y) <= MAX_COORDINATE;
    }

    private void amazonError(long originSeqnum, String text) {
        long seq = takeSeqnum();
        emitAmazon(UpsEnvelopes.UA_ERROR, UAErr.newBuilder().setSeqnum(seq).setOriginseqnum(originSeqnum).setErr(text).build(), seq);
        LOG.infof("event=error originseqnum=%d seq=%d err=\"%s\"", originSeqnum, seq, text);
    }

    long takeSeqnum() {
        changes.stateRow = true;
        return nextSeqnum++;
    }

    private void emitAmazon(int kind, MessageLite message, long seq) {
        OutboundItem item = new OutboundItem(seq, kind, message);
        amazon.emit(item);
        changes.outboundAdded.add(new UpsChanges.Outbound('A', item));
    }

    private void emitWorld(int kind, MessageLite message, long seq) {
        OutboundItem item = new OutboundItem(seq, kind, message);
        world.emit(item);
        changes.outboundAdded.add(new UpsChanges.Outbound('W', item));
    }

    private void record(String kind, Long shipid, Integer truckId, Integer warehouseId, Integer x, Integer y) {
        changes.events.add(new UpsChanges.EventRow(kind, shipid, truckId, warehouseId, x, y));
        if (LOG.isInfoEnabled()) {
            StringBuilder line = new StringBuilder("event=").append(kind).append(" world=").append(worldId);
            if (shipid != null) {
                line.append(" shipid=").append(shipid);
            }
            if (truckId != null) {
                line.append(" truck=").append(truckId);
            }
            if (warehouseId != null) {
                line.append(" wh=").append(warehouseId);
            }
            if (x != null) {
                line.append(" x=").append(x).append(" y=").append(y);
            }
            LOG.info(line);
        }
    }
}
