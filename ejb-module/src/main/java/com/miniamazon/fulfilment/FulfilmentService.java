package com.miniamazon.fulfilment;

import com.miniamazon.accounts.Roles;
import com.miniamazon.catalog.Product;
import com.miniamazon.infrastructure.NativeSql;
import com.miniamazon.inventory.GridPoint;
import com.miniamazon.inventory.InventoryService;
import com.miniamazon.inventory.Warehouse;
import com.miniamazon.inventory.WarehouseSelector;
import com.miniamazon.ordering.CustomerOrder;
import com.miniamazon.ordering.DestinationChangeRequested;
import com.miniamazon.ordering.OrderLine;
import com.miniamazon.ordering.OrderPlaced;
import com.miniamazon.ordering.OrderStatus;
import com.miniamazon.ordering.OrderStatusChanged;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Coordinates everything between a placed order and its delivery. Every method runs in the caller's transaction
 * (the checkout's, or the one in which the gateway records a received item), so a report and its consequences
 * (state changes, new commands in the outbox) commit together or not at all. Each shipment is locked while a
 * report about it is applied, so reports arriving at once from the world and from UPS cannot both miss, or both
 * trigger, the moment when loading may start.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FulfilmentService {

    private static final Logger LOG = Logger.getLogger(FulfilmentService.class);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB
    private InventoryService inventory;

    @Inject
    private WarehouseCommands warehouses;

    @Inject
    private CarrierCommands carrier;

    @Inject
    private Event<OrderStatusChanged> statusChanged;

    /** Extra units bought with every purchase, so that the next orders find stock waiting. */
    @Inject
    @ConfigProperty(name = "miniamazon.restock.units", defaultValue = "10")
    private int restockUnits;

    /** Units of every product each warehouse buys when the store first works in a world. */
    @Inject
    @ConfigProperty(name = "miniamazon.initial.stock.units", defaultValue = "20")
    private int initialStockUnits;

    private final Clock clock = Clock.systemUTC();

    /**
     * Creates the order's shipment at the nearest warehouse that can serve it, claims its units or buys those
     * missing, and, when everything is there, asks the world to pack and UPS to send a truck. Runs synchronously
     * inside the checkout's transaction.
     */
    public void onOrderPlaced(@Observes OrderPlaced placed) {
        CustomerOrder order = em.find(CustomerOrder.class, placed.orderId());
        // Stock rows are always taken in product id order, so two checkouts wanting the same products cannot
        // deadlock on each other's rows.
        Map<Long, Integer> needed = new TreeMap<>();
        for (OrderLine line : order.getLines()) {
            needed.merge(line.getProductId(), line.getQuantity(), Integer::sum);
        }
        Warehouse warehouse = WarehouseSelector.choose(
                inventory.warehouses(), order.getDestination(), inventory.available(needed.keySet()), needed);

        Shipment shipment = new Shipment(order.getId(), warehouse.getId(), clock.instant());
        em.persist(shipment);
        needed.forEach(shipment::addLine);
        long shipmentId = shipment.getId();

        List<WarehouseCommands.Item> toBuy = new ArrayList<>();
        for (ShipmentLine line : shipment.getLines()) {
            if (inventory.claim(warehouse.getId(), line.getProductId(), line.getQuantity())) {
                line.markClaimed();
            } else {
                int units = line.getQuantity() + restockUnits;
                inventory.addOnOrder(warehouse.getId(), line.getProductId(), units);
                toBuy.add(item(line.getProductId(), units));
            }
        }
        LOG.infof("order=%d shipid=%d placed: warehouse=%d distance=%d lines=%d buying=%d cause=%s",
                order.getId(), shipmentId, warehouse.getId(), warehouse.location().gridDistanceTo(order.getDestination()),
                needed.size(), toBuy.size(), InboundCause.current());
        if (!toBuy.isEmpty()) {
            warehouses.purchase(warehouse.getId(), toBuy);
        }
        if (shipment.refreshStockClaimed()) {
            beginPacking(shipment, order, warehouse);
        } else {
            order.recordEvent("Waiting for stock to arrive at " + warehouse.getName(), clock.instant());
        }
    }

    /**
     * Units bought from the world arrived at a warehouse: they join its stock, and shipments waiting there
     * claim them, oldest first; each shipment that now has everything starts packing.
     */
    public void stockArrived(int warehouseId, Map<Long, Integer> units) throws ReportRejected {
        Warehouse warehouse = em.find(Warehouse.class, warehouseId);
        if (warehouse == null) {
            throw new ReportRejected("stock arrived at unknown warehouse " + warehouseId);
        }
        List<Shipment> waiting = em.createQuery(
                        "select s from Shipment s where s.warehouseId = :warehouse and s.stockClaimed = false order by s.id",
                        Shipment.class)
                .setParameter("warehouse", warehouseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(500)
                .getResultList();
        // Checkouts claim stock rows in product order; so must this transaction, which touches the rows of the
        // arrived products and of every waiting line. Claiming them in shipment order instead deadlocked with
        // checkouts (found by ScarceStockIT).
        Set<Long> touched = new TreeSet<>(units.keySet());
        waiting.forEach(shipment -> shipment.getLines().forEach(line -> touched.add(line.getProductId())));
        inventory.lockStockRows(warehouseId, touched);
        new TreeMap<>(units).forEach((productId, count) -> {
            if (em.find(Product.class, productId) != null && count > 0) {
                inventory.receive(warehouseId, productId, count);
            } else {
                LOG.warnf("warehouse=%d received %d unit(s) of unknown product %d; ignored (cause=%s)",
                        warehouseId, count, productId, InboundCause.current());
            }
        });
        // The rows are locked, so their counts cannot change under us: the waiting lines are matched against
        // them in memory, oldest shipment first, and each product's row is then updated once. Claiming line by
        // line in SQL cost one statement (and one flush of everything loaded) per waiting line, which made a
        // backlog of waiting shipments quadratic to work off (found by bench/fulfilment at 20 orders/s).
        Map<Long, Integer> available = inventory.availableForUpdate(warehouseId, touched);
        Map<Long, Integer> claimed = new TreeMap<>();
        List<Shipment> complete = new ArrayList<>();
        for (Shipment shipment : waiting) {
            for (ShipmentLine line : shipment.getLines()) {
                int there = available.getOrDefault(line.getProductId(), 0);
                if (!line.isClaimed() && there >= line.getQuantity()) {
                    available.put(line.getProductId(), there - line.getQuantity());
                    claimed.merge(line.getProductId(), line.getQuantity(), Integer::sum);
                    line.markClaimed();
                }
            }
            if (shipment.refreshStockClaimed()) {
                complete.add(shipment);
            }
        }
        inventory.claimAll(warehouseId, claimed);
        for (Shipment shipment : complete) {
            beginPacking(shipment, em.find(CustomerOrder.class, shipment.getOrderId()), warehouse);
        }
        buyWhatWaitingShipmentsStillLack(warehouse, waiting);
    }

    /**
     * Units bought for one waiting shipment can go to another: an older shipment claims them first, or a
     * checkout finds them available before their shipment's line can take them all. A shipment left waiting
     * with nothing on its way would wait for ever, so whatever the waiting shipments still lack beyond what the
     * warehouse holds and awaits is bought now. (Found by ScarceStockIT: an order stayed placed, its line short
     * by one unit, with nothing on order.)
     */
    private void buyWhatWaitingShipmentsStillLack(Warehouse warehouse, List<Shipment> waiting) {
        Map<Long, Integer> lacking = new TreeMap<>();
        for (Shipment shipment : waiting) {
            if (!shipment.isStockClaimed()) {
                for (ShipmentLine line : shipment.getLines()) {
                    if (!line.isClaimed()) {
                        lacking.merge(line.getProductId(), line.getQuantity(), Integer::sum);
                    }
                }
            }
        }
        if (lacking.isEmpty()) {
            return;
        }
        Map<Long, Integer> there = inventory.heldOrAwaited(warehouse.getId(), lacking.keySet());
        List<WarehouseCommands.Item> toBuy = new ArrayList<>();
        lacking.forEach((productId, units) -> {
            int missing = units - there.getOrDefault(productId, 0);
            if (missing > 0) {
                inventory.addOnOrder(warehouse.getId(), productId, missing);
                toBuy.add(item(productId, missing));
            }
        });
        if (!toBuy.isEmpty()) {
            LOG.infof("warehouse=%d waiting shipments lack %s beyond its stock and purchases; buying them (cause=%s)",
                    warehouse.getId(), toBuy, InboundCause.current());
            warehouses.purchase(warehouse.getId(), toBuy);
        }
    }

    /**
     * Locks, in one statement and lowest id first, the shipments that reports about to be applied in this
     * transaction may change: those named, and those waiting for stock at the warehouses where stock arrives.
     * Every transaction that holds more than one shipment takes them in id order (the watchdog does too), so
     * the world's and UPS's transactions wait for each other instead of deadlocking: a UPS frame whose truck
     * waits for shipments 7 and 3 once locked 7 and then 3 while a world frame reporting 3 and 7 packed held 3.
     * A shipment created later has a higher id than all these, so locking it later keeps the order.
     */
    public void lockForReports(Collection<Long> shipmentIds, Collection<Integer> receivingWarehouses) {
        if (shipmentIds.isEmpty() && receivingWarehouses.isEmpty()) {
            return;
        }
        NativeSql.withoutFlush(em, """
                        select id from shipment
                        where id = any(cast(?1 as bigint[]))
                           or (warehouse_id = any(cast(?2 as integer[])) and not stock_claimed)
                        order by id
                        for update""")
                .setParameter(1, NativeSql.arrayLiteral(shipmentIds))
                .setParameter(2, NativeSql.arrayLiteral(receivingWarehouses))
                .getResultList();
    }

    /** The world finished packing a shipment. */
    public void packed(long shipmentId) throws ReportRejected {
        Shipment shipment = lockedShipment(shipmentId);
        CustomerOrder order = em.find(CustomerOrder.class, shipment.getOrderId());
        if (!shipment.isPacked()) {
            shipment.markPacked();
            advance(order, shipment, OrderStatus.PACKED, "Packed at the warehouse");
        }
        loadIfReady(shipment, order);
    }

    /** UPS reports a truck at a warehouse, waiting for these shipments. */
    public void truckArrived(int truckId, int warehouseId, List<Long> shipmentIds) throws ReportRejected {
        List<String> problems = new ArrayList<>();
        // Lowest id first, as every transaction that locks several shipments takes them.
        for (long shipmentId : new TreeSet<>(shipmentIds)) {
            Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
            if (shipment == null) {
                problems.add("unknown shipid " + shipmentId);
                continue;
            }
            if (shipment.getWarehouseId() != warehouseId) {
                problems.add("shipid " + shipmentId + " is at warehouse " + shipment.getWarehouseId() + ", not " + warehouseId);
                continue;
            }
            CustomerOrder order = em.find(CustomerOrder.class, shipment.getOrderId());
            if (!shipment.isTruckArrived()) {
                shipment.truckArrived(truckId);
                order.recordEvent("Truck " + truckId + " arrived at the warehouse", clock.instant());
                LOG.infof("order=%d shipid=%d truck=%d arrived at warehouse=%d cause=%s",
                        order.getId(), shipmentId, truckId, warehouseId, InboundCause.current());
            }
            loadIfReady(shipment, order);
        }
        if (!problems.isEmpty()) {
            throw new ReportRejected(String.join("; ", problems));
        }
    }

    /** The world put a shipment on its truck: UPS may now deliver it. */
    public void loaded(long shipmentId) throws ReportRejected {
        Shipment shipment = lockedShipment(shipmentId);
        CustomerOrder order = em.find(CustomerOrder.class, shipment.getOrderId());
        if (shipment.isLoaded()) {
            return;
        }
        if (shipment.getTruckId() == null) {
            throw new ReportRejected("shipid " + shipmentId + " reported loaded, but no truck is known for it");
        }
        shipment.markLoaded();
        advance(order, shipment, OrderStatus.LOADED, "On truck " + shipment.getTruckId());
        carrier.notifyLoaded(shipment.getTruckId(), List.of(shipmentId));
    }

    /** UPS reports the truck left with the shipment. */
    public void outForDelivery(long shipmentId, int truckId) throws ReportRejected {
        Shipment shipment = lockedShipment(shipmentId);
        advance(em.find(CustomerOrder.class, shipment.getOrderId()), shipment, OrderStatus.DELIVERING,
                "Out for delivery on truck " + truckId);
    }

    /** UPS reports the shipment delivered. */
    public void delivered(long shipmentId, GridPoint at) throws ReportRejected {
        Shipment shipment = lockedShipment(shipmentId);
        CustomerOrder order = em.find(CustomerOrder.class, shipment.getOrderId());
        if (order.getStatus() == OrderStatus.FAILED) {
            LOG.warnf("order=%d shipid=%d was marked failed but UPS reports it delivered at %s; keeping it failed for an administrator (cause=%s)",
                    order.getId(), shipmentId, at, InboundCause.current());
            order.reportProblem("Marked failed, yet UPS reports it delivered at " + at);
            return;
        }
        advance(order, shipment, OrderStatus.DELIVERED, "Delivered at " + at);
    }

    /** UPS answered a destination change. */
    public void destinationChangeAnswered(long shipmentId, boolean accepted, String reason) throws ReportRejected {
        Shipment shipment = lockedShipment(shipmentId);
        CustomerOrder order = em.find(CustomerOrder.class, shipment.getOrderId());
        order.settleDestinationChange(accepted, reason, clock.instant());
        LOG.infof("order=%d shipid=%d destination change %s%s cause=%s", order.getId(), shipmentId,
                accepted ? "accepted, now " + order.getDestination() : "refused", reason == null ? "" : " (" + reason + ")",
                InboundCause.current());
    }

    /** UPS said whether a UPS user exists; checkout reads the answer from the store's record. */
    public void accountChecked(String account, boolean exists) {
        em.createNativeQuery("""
                        insert into ups_account (name, known, checked_at) values (:name, :known, now())
                        on conflict (name) do update set known = excluded.known, checked_at = excluded.checked_at""")
                .setParameter("name", account)
                .setParameter("known", exists)
                .executeUpdate();
    }

    /**
     * The world answered a query about a package. Its answer is the truth: a state the store missed is caught
     * up, with the same consequences as the report it missed.
     */
    public void packageStatusReported(long shipmentId, String status) throws ReportRejected {
        switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "packed" -> packed(shipmentId);
            case "loading" -> {
                Shipment shipment = lockedShipment(shipmentId);
                packed(shipmentId);
                advance(em.find(CustomerOrder.class, shipment.getOrderId()), shipment, OrderStatus.LOADING, "Loading (as the world reports)");
            }
            case "loaded" -> {
                packed(shipmentId);
                loaded(shipmentId);
            }
            case "delivering" -> {
                Shipment shipment = lockedShipment(shipmentId);
                advance(em.find(CustomerOrder.class, shipment.getOrderId()), shipment, OrderStatus.DELIVERING, "Out for delivery (as the world reports)");
            }
            case "delivered" -> {
                Shipment shipment = lockedShipment(shipmentId);
                advance(em.find(CustomerOrder.class, shipment.getOrderId()), shipment, OrderStatus.DELIVERED, "Delivered (as the world reports)");
            }
            case "packing" -> lockedShipment(shipmentId); // known and as expected
            default -> throw new ReportRejected("unknown package status '" + status + "' for shipid " + shipmentId);
        }
    }

    /**
     * A peer refused one of our commands. The order concerned is flagged for an administrator; a refused load
     * is given up so that the watchdog tries again once the world confirms the package is packed, and a refused
     * pack (the world lacked stock the store thought it had) buys the units again and repacks on arrival.
     */
    public void commandRefused(CommandKind kind, Long shipmentId, String error) {
        if (shipmentId == null || !kind.concernsShipment()) {
            LOG.errorf("%s refused: %s (cause=%s)", kind, error, InboundCause.current());
            return;
        }
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            LOG.errorf("%s for unknown shipid=%d refused: %s (cause=%s)", kind, shipmentId, error, InboundCause.current());
            return;
        }
        CustomerOrder order = em.find(CustomerOrder.class, shipment.getOrderId());
        LOG.errorf("order=%d shipid=%d %s refused: %s (cause=%s)", order.getId(), shipmentId, kind, error, InboundCause.current());
        order.reportProblem(kind + " refused: " + error);
        switch (kind) {
            case PUT_ON_TRUCK -> {
                shipment.clearLoadRequested();
                warehouses.queryPackage(shipmentId);
            }
            case PACK -> {
                List<WarehouseCommands.Item> toBuy = new ArrayList<>();
                for (ShipmentLine line : shipment.getLines()) {
                    line.markUnclaimed();
                    inventory.addOnOrder(shipment.getWarehouseId(), line.getProductId(), line.getQuantity());
                    toBuy.add(item(line.getProductId(), line.getQuantity()));
                }
                shipment.refreshStockClaimed();
                warehouses.purchase(shipment.getWarehouseId(), toBuy);
            }
            case CHANGE_DESTINATION -> order.settleDestinationChange(false, error, clock.instant());
            default -> { } // flagged above; the watchdog's queries bring the truth
        }
    }

    /**
     * The store now works in {@code worldId}. A world starts with empty warehouses, so the first time the store
     * works in a world it buys every product into every warehouse; stock the store remembers from another world
     * is forgotten first.
     */
    public void worldJoined(long worldId, Long stockedWorldId) {
        if (stockedWorldId != null && stockedWorldId == worldId) {
            return;
        }
        if (stockedWorldId != null) {
            LOG.warnf("The store moved from world %d to world %d: its stock records are reset and every warehouse is stocked again",
                    stockedWorldId, worldId);
            inventory.forgetAllStock();
        }
        List<Product> products = em.createQuery("select p from Product p where p.active = true order by p.id", Product.class)
                .getResultList();
        for (Warehouse warehouse : inventory.warehouses()) {
            List<WarehouseCommands.Item> items = new ArrayList<>();
            for (Product product : products) {
                inventory.addOnOrder(warehouse.getId(), product.getId(), initialStockUnits);
                items.add(new WarehouseCommands.Item(product.getId(), product.getName(), initialStockUnits));
            }
            if (!items.isEmpty()) {
                warehouses.purchase(warehouse.getId(), items);
            }
        }
        LOG.infof("Stocking world %d: %d product(s) x %d unit(s) in each warehouse", worldId, products.size(), initialStockUnits);
    }

    /**
     * Looks at orders that have not moved for {@code quietFor}: asks the world where their packages are (its
     * answer catches the store up), loads shipments whose load was refused earlier, and flags orders quiet for
     * ten times as long for an administrator.
     *
     * @return how many orders were looked at
     */
    public int reviewQuietOrders(Duration quietFor) {
        Instant now = clock.instant();
        List<CustomerOrder> quiet = em.createQuery("""
                        select o from CustomerOrder o
                        where o.status not in :finished and o.statusChangedAt < :since
                        order by o.statusChangedAt""", CustomerOrder.class)
                .setParameter("finished", List.of(OrderStatus.DELIVERED, OrderStatus.FAILED, OrderStatus.CANCELLED))
                .setParameter("since", now.minus(quietFor))
                .setMaxResults(200)
                .getResultList();
        if (quiet.isEmpty()) {
            return 0;
        }
        Map<Long, CustomerOrder> ordersById = new HashMap<>();
        quiet.forEach(o -> ordersById.put(o.getId(), o));
        // Their shipments are locked lowest id first, as the gateway locks the shipments of a received frame:
        // locked in the orders' quiet order, they deadlocked with reports arriving at the same time.
        List<Shipment> shipments = em.createQuery(
                        "select s from Shipment s where s.orderId in :orders order by s.id", Shipment.class)
                .setParameter("orders", ordersById.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Shipment shipment : shipments) {
            CustomerOrder order = ordersById.get(shipment.getOrderId());
            em.refresh(order); // read before its shipment was locked; a report may have moved it since
            if (shipment.isPackRequested()) {
                warehouses.queryPackage(shipment.getId());
            }
            loadIfReady(shipment, order);
            Duration quietSince = Duration.between(order.getStatusChangedAt(), now);
            if (quietSince.compareTo(quietFor.multipliedBy(10)) > 0 && order.getProblem() == null) {
                order.reportProblem("No progress for " + quietSince.toMinutes() + " min while " + order.getStatus().label().toLowerCase());
                LOG.warnf("order=%d shipid=%d stuck: %s for %d min", order.getId(), shipment.getId(), order.getStatus(), quietSince.toMinutes());
            }
        }
        return quiet.size();
    }

    /**
     * Passes the customer's new destination on to UPS, in the customer's transaction; the answer arrives as
     * {@link #destinationChangeAnswered}.
     */
    public void onDestinationChangeRequested(@Observes DestinationChangeRequested request) {
        // Locked, as stock arrival locks it before it asks UPS for a pickup: either that pickup has gone out and
        // UPS is asked to change it, or it has not, and it will go out with the new destination.
        Shipment shipment = em.createQuery("select s from Shipment s where s.orderId = :order", Shipment.class)
                .setParameter("order", request.orderId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        long shipmentId = shipment.getId();
        if (!shipment.isPackRequested()) {
            // UPS does not know the package yet and would refuse the change as an unknown shipid (found by
            // CheckoutJourneyIT on a fresh world, where the first order waits for its stock).
            CustomerOrder order = em.find(CustomerOrder.class, request.orderId());
            order.settleDestinationChange(true, null, clock.instant());
            LOG.infof("order=%d shipid=%d destination changed to %s before UPS was asked for a pickup",
                    order.getId(), shipmentId, order.getDestination());
            return;
        }
        carrier.changeDestination(shipmentId, request.destination());
    }

    private void beginPacking(Shipment shipment, CustomerOrder order, Warehouse warehouse) {
        List<WarehouseCommands.Item> items = shipment.getLines().stream().map(l -> item(l.getProductId(), l.getQuantity())).toList();
        warehouses.pack(shipment.getId(), warehouse.getId(), items);
        if (!shipment.isPackRequested()) {
            carrier.requestPickup(shipment.getId(), warehouse.getId(), warehouse.location(), order.getDestination(),
                    order.getUpsAccount(), items);
            shipment.markPackRequested();
        }
        advance(order, shipment, OrderStatus.PACKING, "Packing at " + warehouse.getName());
    }

    private void loadIfReady(Shipment shipment, CustomerOrder order) {
        if (shipment.readyToLoad()) {
            warehouses.putOnTruck(shipment.getId(), shipment.getWarehouseId(), shipment.getTruckId());
            shipment.markLoadRequested();
            advance(order, shipment, OrderStatus.LOADING, "Loading onto truck " + shipment.getTruckId());
        }
    }

    private void advance(CustomerOrder order, Shipment shipment, OrderStatus target, String note) {
        OrderStatus from = order.getStatus();
        Instant now = clock.instant();
        List<OrderStatus> entered;
        try {
            entered = order.advanceTo(target, note, now);
        } catch (IllegalStateException e) {
            LOG.warnf("order=%d shipid=%d is %s; report of %s ignored (cause=%s)",
                    order.getId(), shipment.getId(), from, target, InboundCause.current());
            return;
        }
        OrderStatus previous = from;
        for (OrderStatus status : entered) {
            LOG.infof("order=%d shipid=%d status %s -> %s cause=%s", order.getId(), shipment.getId(), previous, status,
                    InboundCause.current());
            statusChanged.fire(new OrderStatusChanged(order.getId(), order.getCustomerId(), shipment.getId(), previous, status,
                    status == target ? note : null, now));
            previous = status;
        }
    }

    private Shipment lockedShipment(long shipmentId) throws ReportRejected {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw new ReportRejected("unknown shipid " + shipmentId);
        }
        return shipment;
    }

    private WarehouseCommands.Item item(long productId, int count) {
        Product product = em.find(Product.class, productId);
        return new WarehouseCommands.Item(productId, product == null ? "product " + productId : product.getName(), count);
    }
}
