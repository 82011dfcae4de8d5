package com.miniamazon.simulators.world;

import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APackage;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AQuery;
import com.miniamazon.protocol.world.UDeliveryLocation;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UGoDeliver;
import com.miniamazon.protocol.world.UGoPickup;
import com.miniamazon.protocol.world.UQuery;
import com.miniamazon.protocol.world.UTruck;
import com.miniamazon.simulators.net.GroupCommitLoop;
import com.miniamazon.simulators.net.OutboundItem;
import com.miniamazon.simulators.net.ReliableChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One world's state and rules: warehouses with stock, trucks, packages, purchases on their way, and both sides'
 * seqnum bookkeeping. Every method runs on the simulator's loop thread. Each change is recorded in
 * {@link #changes} for the next commit; each response item goes to its side's {@code fresh} list, sent after the
 * commit.
 */
final class World {

    /** Repeated field of AResponses / UResponses an item goes in (the field numbers of world_*.proto). */
    static final int A_ARRIVED = 1;
    static final int A_READY = 2;
    static final int A_LOADED = 3;
    static final int A_ERROR = 5;
    static final int A_PACKAGE_STATUS = 7;
    static final int U_COMPLETION = 1;
    static final int U_DELIVERED = 2;
    static final int U_TRUCK_STATUS = 5;
    static final int U_ERROR = 6;

    /** What a world needs from the simulator that runs it. */
    interface Host {
        long now();

        GroupCommitLoop.Timer schedule(long dueAt, Runnable task);

        /** This world changed outside a command (a timer fired): commit and dispatch it. */
        void touched(World world);

        boolean upperCaseTruckStatus();

        long resendMillis();
    }

    private static final Logger LOG = Logger.getLogger(World.class);

    final long id;
    int simspeed;
    long nextSeqnum;
    final Map<Integer, int[]> warehouses = new LinkedHashMap<>();
    final Map<Long, String> products = new HashMap<>();
    final Map<Integer, Map<Long, Integer>> stock = new HashMap<>();
    final Map<Long, WorldChanges.Purchase> purchases = new LinkedHashMap<>();
    final Map<Integer, Truck> trucks = new LinkedHashMap<>();
    final Map<Long, WorldPackage> packages = new HashMap<>();
    final ReliableChannel amazon;
    final ReliableChannel ups;
    final WorldChanges changes = new WorldChanges();
    /** When a client of this world was last seen connected (for unloading idle worlds). */
    long lastConnectedAt = System.currentTimeMillis();
    private final Host host;
    private final EventLog events;

    World(long id, int simspeed, long nextSeqnum, Host host, EventLog events) {
        this.id = id;
        this.simspeed = simspeed;
        this.nextSeqnum = nextSeqnum;
        this.host = host;
        this.events = events;
        this.amazon = new ReliableChannel("world " + id + " amazon", WorldEnvelopes::amazon, host.resendMillis());
        this.ups = new ReliableChannel("world " + id + " ups", WorldEnvelopes::ups, host.resendMillis());
    }

    ReliableChannel side(Side side) {
        return side == Side.AMAZON ? amazon : ups;
    }

    void setSimspeed(long requested) {
        int speed = (int) Math.max(1, Math.min(Integer.MAX_VALUE, requested));
        if (speed != simspeed) {
            simspeed = speed;
            changes.worldRow = true;
            LOG.infof("event=simspeed world=%d simspeed=%d", id, speed);
        }
    }

    /**
     * Nothing will happen in this world without a client: no purchase on its way, no package being packed or
     * loaded, no truck driving (un-acked response items are in the database and come back with the world).
     */
    boolean quiescent() {
        if (!purchases.isEmpty()) {
            return false;
        }
        for (Truck t : trucks.values()) {
            if (t.moving() || t.loadsInProgress > 0) {
                return false;
            }
        }
        for (WorldPackage p : packages.values()) {
            if (p.status == PackageStatus.PACKING || p.status == PackageStatus.LOADING) {
                return false;
            }
        }
        return true;
    }

    // ---- setup (handshake) ----

    void addWarehouse(int whId, int x, int y) {
        warehouses.put(whId, new int[] {x, y});
        changes.warehouses.add(whId);
        record("warehouse", null, null, whId, x, y);
    }

    void addTruck(int truckId, int x, int y) {
        Truck t = new Truck(truckId, x, y);
        t.departAt = host.now();
        t.arriveAt = t.departAt;
        trucks.put(truckId, t);
        changes.trucks.add(truckId);
        record("truck", null, truckId, null, x, y);
    }

    // ---- Amazon commands ----

    void buy(APurchaseMore buy) {
        if (!warehouses.containsKey(buy.getWhnum())) {
            amazonError("unknown warehouse " + buy.getWhnum(), buy.getSeqnum());
            return;
        }
        for (AProduct p : buy.getThingsList()) {
            if (p.getCount() <= 0) {
                amazonError("product " + p.getId() + ": count must be positive, not " + p.getCount(), buy.getSeqnum());
                return;
            }
        }
        for (AProduct p : buy.getThingsList()) {
            if (!products.containsKey(p.getId())) {
                products.put(p.getId(), p.getDescription()); // created on first buy; the first description stays
                changes.products.add(p.getId());
            }
        }
        long purchaseId = takeSeqnum();
        long arriveAt = host.now() + WorldTiming.scaled(WorldTiming.PURCHASE_MS, simspeed);
        WorldChanges.Purchase purchase = new WorldChanges.Purchase(purchaseId, buy.getWhnum(), buy, arriveAt);
        purchases.put(purchaseId, purchase);
        changes.purchasesAdded.put(purchaseId, purchase);
        record("purchase", null, null, buy.getWhnum(), null, null);
        schedulePurchase(purchase);
    }

    void schedulePurchase(WorldChanges.Purchase purchase) {
        at(purchase.arriveAt(), () -> purchaseArrived(purchase));
    }

    private void purchaseArrived(WorldChanges.Purchase purchase) {
        purchases.remove(purchase.id());
        changes.purchaseArrived(purchase.id());
        Map<Long, Integer> shelf = stock.computeIfAbsent(purchase.warehouseId(), k -> new HashMap<>());
        for (AProduct p : purchase.request().getThingsList()) {
            shelf.merge(p.getId(), p.getCount(), Integer::sum);
            changes.stock.add(new WorldChanges.StockKey(purchase.warehouseId(), p.getId()));
        }
        long seq = takeSeqnum();
        emit(Side.AMAZON, A_ARRIVED, purchase.request().toBuilder().setSeqnum(seq).build(), seq);
        record("arrived", seq, null, null, purchase.warehouseId(), null, null);
    }

    void pack(APack pack) {
        long origin = pack.getSeqnum();
        if (!warehouses.containsKey(pack.getWhnum())) {
            amazonError("unknown warehouse " + pack.getWhnum(), origin);
            return;
        }
        if (packages.containsKey(pack.getShipid())) {
            amazonError("shipid " + pack.getShipid() + " already used in this world", origin);
            return;
        }
        Map<Long, Integer> needed = new LinkedHashMap<>();
        for (AProduct p : pack.getThingsList()) {
            if (p.getCount() <= 0) {
                amazonError("product " + p.getId() + ": count must be positive, not " + p.getCount(), origin);
                return;
            }
            needed.merge(p.getId(), p.getCount(), Integer::sum);
        }
        Map<Long, Integer> shelf = stock.computeIfAbsent(pack.getWhnum(), k -> new HashMap<>());
        for (Map.Entry<Long, Integer> need : needed.entrySet()) {
            int have = shelf.getOrDefault(need.getKey(), 0);
            if (have < need.getValue()) {
                amazonError("not enough stock of product " + need.getKey() + " in warehouse " + pack.getWhnum()
                        + ": " + have + " there, " + need.getValue() + " needed", origin);
                return;
            }
        }
        for (Map.Entry<Long, Integer> need : needed.entrySet()) {
            shelf.merge(need.getKey(), -need.getValue(), Integer::sum);
            changes.stock.add(new WorldChanges.StockKey(pack.getWhnum(), need.getKey()));
        }
        WorldPackage pkg = new WorldPackage(pack.getShipid(), pack.getWhnum(), pack);
        pkg.readyAt = host.now() + WorldTiming.scaled(WorldTiming.PACK_MS, simspeed);
        packages.put(pkg.id, pkg);
        changes.packages.add(pkg.id);
        record("packing", pkg.id, null, pkg.warehouseId, null, null);
        schedulePackage(pkg);
    }

    /** Schedules the end of the package's packing or loading, whichever it is in. */
    void schedulePackage(WorldPackage pkg) {
        if (pkg.status == PackageStatus.PACKING) {
            pkg.timer = at(pkg.readyAt, () -> packed(pkg));
        } else if (pkg.status == PackageStatus.LOADING) {
            pkg.timer = at(pkg.readyAt, () -> loaded(pkg));
        }
    }

    private void packed(WorldPackage pkg) {
        pkg.status = PackageStatus.PACKED;
        changes.packages.add(pkg.id);
        long seq = takeSeqnum();
        emit(Side.AMAZON, A_READY, APacked.newBuilder().setShipid(pkg.id).setSeqnum(seq).build(), seq);
        record("packed", seq, pkg.id, null, pkg.warehouseId, null, null);
    }

    void load(APutOnTruck load) {
        long origin = load.getSeqnum();
        if (!warehouses.containsKey(load.getWhnum())) {
            amazonError("unknown warehouse " + load.getWhnum(), origin);
            return;
        }
        Truck truck = trucks.get(load.getTruckid());
        if (truck == null) {
            amazonError("unknown truck " + load.getTruckid(), origin);
            return;
        }
        WorldPackage pkg = packages.get(load.getShipid());
        if (pkg == null) {
            amazonError("unknown package " + load.getShipid(), origin);
            return;
        }
        if (pkg.warehouseId != load.getWhnum()) {
            amazonError("package " + pkg.id + " is at warehouse " + pkg.warehouseId + ", not " + load.getWhnum(), origin);
            return;
        }
        if (pkg.status == PackageStatus.PACKING) {
            amazonError("package " + pkg.id + " is not packed yet", origin);
            return;
        }
        if (pkg.status != PackageStatus.PACKED) {
            amazonError("package " + pkg.id + " is already " + pkg.status.text(), origin);
            return;
        }
        boolean atWarehouse = truck.atWarehouse != null && truck.atWarehouse == load.getWhnum()
                && (truck.status == TruckStatus.ARRIVE_WAREHOUSE || truck.status == TruckStatus.LOADING);
        if (!atWarehouse) {
            amazonError("truck " + truck.id + " is not at warehouse " + load.getWhnum(), origin);
            return;
        }
        pkg.status = PackageStatus.LOADING;
        pkg.truckId = truck.id;
        pkg.readyAt = host.now() + WorldTiming.scaled(WorldTiming.LOAD_MS, simspeed);
        changes.packages.add(pkg.id);
        truck.loadsInProgress++;
        truck.status = TruckStatus.LOADING;
        changes.trucks.add(truck.id);
        record("loading", pkg.id, truck.id, pkg.warehouseId, null, null);
        schedulePackage(pkg);
    }

    private void loaded(WorldPackage pkg) {
        pkg.status = PackageStatus.LOADED;
        changes.packages.add(pkg.id);
        long seq = takeSeqnum();
        emit(Side.AMAZON, A_LOADED, ALoaded.newBuilder().setShipid(pkg.id).setSeqnum(seq).build(), seq);
        record("loaded", seq, pkg.id, pkg.truckId, pkg.warehouseId, null, null);
        Truck truck = trucks.get(pkg.truckId);
        if (truck != null && --truck.loadsInProgress <= 0) {
            truck.loadsInProgress = 0;
            truck.status = TruckStatus.ARRIVE_WAREHOUSE;
            changes.trucks.add(truck.id);
            if (truck.targetWarehouse != null || truck.delivering) {
                nextLeg(truck); // it was told to leave while loading
            }
        }
    }

    void query(AQuery query) {
        WorldPackage pkg = packages.get(query.getPackageid());
        if (pkg == null) {
            amazonError("unknown package " + query.getPackageid(), query.getSeqnum());
            return;
        }
        long seq = takeSeqnum();
        emit(Side.AMAZON, A_PACKAGE_STATUS,
                APackage.newBuilder().setPackageid(pkg.id).setStatus(pkg.status.text()).setSeqnum(seq).build(), seq);
    }

    // ---- UPS commands ----

    void pickup(UGoPickup pickup) {
        Truck truck = trucks.get(pickup.getTruckid());
        if (truck == null) {
            upsError("unknown truck " + pickup.getTruckid(), pickup.getSeqnum());
            return;
        }
        if (!warehouses.containsKey(pickup.getWhid())) {
            upsError("unknown warehouse " + pickup.getWhid(), pickup.getSeqnum());
            return;
        }
        truck.targetWarehouse = pickup.getWhid();
        truck.delivering = false; // deliveries in hand wait until the next UGoDeliver
        changes.trucks.add(truck.id);
        record("pickup", null, truck.id, pickup.getWhid(), null, null);
        if (truck.status != TruckStatus.LOADING) {
            nextLeg(truck);
        }
    }

    void deliver(UGoDeliver deliver) {
        long origin = deliver.getSeqnum();
        Truck truck = trucks.get(deliver.getTruckid());
        if (truck == null) {
            upsError("unknown truck " + deliver.getTruckid(), origin);
            return;
        }
        for (UDeliveryLocation loc : deliver.getPackagesList()) {
            WorldPackage pkg = packages.get(loc.getPackageid());
            if (pkg == null) {
                upsError("unknown package " + loc.getPackageid(), origin);
                return;
            }
            if (pkg.status == PackageStatus.DELIVERED) {
                upsError("package " + pkg.id + " is already delivered", origin);
                return;
            }
            boolean onTruck = pkg.truckId != null && pkg.truckId == truck.id
                    && (pkg.status == PackageStatus.LOADED || pkg.status == PackageStatus.DELIVERING);
            if (!onTruck) {
                upsError("package " + pkg.id + " is not loaded on truck " + truck.id, origin);
                return;
            }
        }
        Set<Long> route = new LinkedHashSet<>();
        for (UDeliveryLocation loc : deliver.getPackagesList()) {
            WorldPackage pkg = packages.get(loc.getPackageid());
            pkg.destX = loc.getX();
            pkg.destY = loc.getY();
            pkg.status = PackageStatus.DELIVERING;
            changes.packages.add(pkg.id);
            route.add(pkg.id);
            record("deliver", pkg.id, truck.id, null, loc.getX(), loc.getY());
        }
        route.addAll(truck.route); // deliveries broken off by a pickup resume after the new ones
        truck.route = new ArrayList<>(route);
        truck.delivering = true;
        truck.targetWarehouse = null;
        changes.trucks.add(truck.id);
        if (truck.status != TruckStatus.LOADING) {
            nextLeg(truck);
        }
    }

    void queryTruck(UQuery query) {
        Truck truck = trucks.get(query.getTruckid());
        if (truck == null) {
            upsError("unknown truck " + query.getTruckid(), query.getSeqnum());
            return;
        }
        int[] pos = truck.positionAt(host.now());
        long seq = takeSeqnum();
        emit(Side.UPS, U_TRUCK_STATUS, UTruck.newBuilder().setTruckid(truck.id)
                .setStatus(truck.status.text(host.upperCaseTruckStatus())).setX(pos[0]).setY(pos[1]).setSeqnum(seq)
                .build(), seq);
    }

    // ---- truck movement ----

    /** Decides where a truck that is not loading goes now: its target warehouse, its next delivery, or nowhere. */
    private void nextLeg(Truck truck) {
        long now = host.now();
        int[] pos = truck.positionAt(now);
        if (truck.arrival != null) {
            truck.arrival.cancel();
            truck.arrival = null;
        }
        changes.trucks.add(truck.id);
        if (truck.targetWarehouse != null) {
            int[] wh = warehouses.get(truck.targetWarehouse);
            if (pos[0] == wh[0] && pos[1] == wh[1]) {
                truck.standAt(pos[0], pos[1], now);
                arriveAtWarehouse(truck);
            } else {
                travel(truck, pos, wh[0], wh[1], TruckStatus.TRAVELING);
            }
        } else if (truck.delivering && !truck.route.isEmpty()) {
            WorldPackage pkg = packages.get(truck.route.get(0));
            travel(truck, pos, pkg.destX, pkg.destY, TruckStatus.DELIVERING);
        } else if (truck.delivering) {
            truck.delivering = false;
            truck.atWarehouse = null;
            truck.standAt(pos[0], pos[1], now);
            truck.status = TruckStatus.IDLE;
            finished(truck, "idle");
        } else {
            truck.standAt(pos[0], pos[1], now);
            truck.status = truck.atWarehouse != null ? TruckStatus.ARRIVE_WAREHOUSE : TruckStatus.IDLE;
        }
    }

    private void travel(Truck truck, int[] from, int toX, int toY, TruckStatus status) {
        long now = host.now();
        truck.atWarehouse = null;
        truck.status = status;
        truck.fromX = from[0];
        truck.fromY = from[1];
        truck.toX = toX;
        truck.toY = toY;
        truck.departAt = now;
        truck.arriveAt = now + WorldTiming.travel(from[0], from[1], toX, toY, simspeed);
        scheduleArrival(truck);
    }

    /** Schedules the end of the truck's current drive, if it is driving. */
    void scheduleArrival(Truck truck) {
        if (truck.moving()) {
            truck.arrival = at(truck.arriveAt, () -> arrived(truck));
        }
    }

    private void arrived(Truck truck) {
        truck.arrival = null;
        long now = host.now();
        truck.standAt(truck.toX, truck.toY, now);
        changes.trucks.add(truck.id);
        if (truck.status == TruckStatus.TRAVELING) {
            arriveAtWarehouse(truck);
        } else if (truck.status == TruckStatus.DELIVERING && !truck.route.isEmpty()) {
            WorldPackage pkg = packages.get(truck.route.remove(0));
            pkg.status = PackageStatus.DELIVERED;
            changes.packages.add(pkg.id);
            long seq = takeSeqnum();
            emit(Side.UPS, U_DELIVERED,
                    UDeliveryMade.newBuilder().setTruckid(truck.id).setPackageid(pkg.id).setSeqnum(seq).build(), seq);
            record("delivered", seq, pkg.id, truck.id, null, truck.fromX, truck.fromY);
            nextLeg(truck);
        } else {
            nextLeg(truck);
        }
    }

    private void arriveAtWarehouse(Truck truck) {
        truck.atWarehouse = truck.targetWarehouse;
        truck.targetWarehouse = null;
        truck.status = TruckStatus.ARRIVE_WAREHOUSE;
        changes.trucks.add(truck.id);
        long seq = finished(truck, "arrive warehouse");
        record("arrive_warehouse", seq, null, truck.id, truck.atWarehouse, truck.fromX, truck.fromY);
    }

    /** Reports the truck's completion to UPS; returns the item's seqnum. */
    private long finished(Truck truck, String what) {
        long seq = takeSeqnum();
        String status = host.upperCaseTruckStatus() ? what.toUpperCase(java.util.Locale.ROOT) : what;
        emit(Side.UPS, U_COMPLETION, UFinished.newBuilder().setTruckid(truck.id).setX(truck.fromX).setY(truck.fromY)
                .setStatus(status).setSeqnum(seq).build(), seq);
        if ("idle".equals(what)) {
            record("idle", seq, null, truck.id, null, truck.fromX, truck.fromY);
        }
        return seq;
    }

    // ---- output ----

    private void amazonError(String text, long originSeqnum) {
        long seq = takeSeqnum();
        emit(Side.AMAZON, A_ERROR, AErr.newBuilder().setErr(text).setOriginseqnum(originSeqnum).setSeqnum(seq).build(), seq);
        LOG.infof("event=error world=%d side=amazon originseqnum=%d seq=%d err=\"%s\"", id, originSeqnum, seq, text);
    }

    private void upsError(String text, long originSeqnum) {
        long seq = takeSeqnum();
        emit(Side.UPS, U_ERROR, UErr.newBuilder().setErr(text).setOriginseqnum(originSeqnum).setSeqnum(seq).build(), seq);
        LOG.infof("event=error world=%d side=ups originseqnum=%d seq=%d err=\"%s\"", id, originSeqnum, seq, text);
    }

    private GroupCommitLoop.Timer at(long dueAt, Runnable task) {
        return host.schedule(dueAt, () -> {
            task.run();
            host.touched(this);
        });
    }

    private long takeSeqnum() {
        changes.worldRow = true;
        return nextSeqnum++;
    }

    private void emit(Side to, int kind, MessageLite message, long seq) {
        OutboundItem item = new OutboundItem(seq, kind, message);
        side(to).emit(item);
        changes.outboundAdded.add(new WorldChanges.Outbound(to, item));
    }

    private void record(String kind, Long packageId, Integer truckId, Integer warehouseId, Integer x, Integer y) {
        record(kind, null, packageId, truckId, warehouseId, x, y);
    }

    /** An event; {@code seq} is the seqnum of the response item that reports it, if any. */
    private void record(String kind, Long seq, Long packageId, Integer truckId, Integer warehouseId, Integer x, Integer y) {
        changes.events.add(new WorldChanges.EventRow(kind, packageId, truckId, warehouseId, x, y));
        events.log(id, kind, seq, packageId, truckId, warehouseId, x, y);
    }
}
