package com.miniamazon.simulators.world;

import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.simulators.net.OutboundItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in one world since its last commit: the rows the next transaction writes. Kept until a commit
 * succeeds, so a failed commit is retried with everything it held.
 */
final class WorldChanges {

    record StockKey(int warehouseId, long productId) {}

    record Purchase(long id, int warehouseId, APurchaseMore request, long arriveAt) {}

    record Seen(Side side, long seqnum) {}

    record Outbound(Side side, OutboundItem item) {}

    record EventRow(String kind, Long packageId, Integer truckId, Integer warehouseId, Integer x, Integer y) {}

    boolean worldRow;
    final Set<Integer> warehouses = new LinkedHashSet<>();
    final Set<Long> products = new LinkedHashSet<>();
    final Set<StockKey> stock = new LinkedHashSet<>();
    final Map<Long, Purchase> purchasesAdded = new LinkedHashMap<>();
    final Set<Long> purchasesRemoved = new LinkedHashSet<>();
    final Set<Integer> trucks = new LinkedHashSet<>();
    final Set<Long> packages = new LinkedHashSet<>();
    final List<Seen> seen = new ArrayList<>();
    final List<Outbound> outboundAdded = new ArrayList<>();
    final List<Long> outboundRemoved = new ArrayList<>();
    final List<EventRow> events = new ArrayList<>();

    void purchaseArrived(long id) {
        if (purchasesAdded.remove(id) == null) {
            purchasesRemoved.add(id);
        }
    }

    boolean isEmpty() {
        return !worldRow && warehouses.isEmpty() && products.isEmpty() && stock.isEmpty() && purchasesAdded.isEmpty()
                && purchasesRemoved.isEmpty() && trucks.isEmpty() && packages.isEmpty() && seen.isEmpty()
                && outboundAdded.isEmpty() && outboundRemoved.isEmpty() && events.isEmpty();
    }

    void clear() {
        worldRow = false;
        warehouses.clear();
        products.clear();
        stock.clear();
        purchasesAdded.clear();
        purchasesRemoved.clear();
        trucks.clear();
        packages.clear();
        seen.clear();
        outboundAdded.clear();
        outboundRemoved.clear();
        events.clear();
    }
}
