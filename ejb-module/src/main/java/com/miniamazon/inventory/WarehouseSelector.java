package com.miniamazon.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Picks the warehouse that ships an order: the nearest one (by grid distance to the destination) that holds
 * every unit the order needs; when none does, the nearest one, which then buys what it lacks. Ties go to the
 * lower warehouse id, so the choice is repeatable.
 */
public final class WarehouseSelector {

    private WarehouseSelector() {}

    /**
     * @param warehouses candidates, at least one
     * @param available  units available per warehouse id, then per product id (missing means none)
     * @param needed     units needed per product id
     */
    public static Warehouse choose(List<Warehouse> warehouses, GridPoint destination,
            Map<Integer, Map<Long, Integer>> available, Map<Long, Integer> needed) {
        if (warehouses.isEmpty()) {
            throw new IllegalStateException("the store has no warehouse");
        }
        Comparator<Warehouse> nearest = Comparator
                .comparingLong((Warehouse w) -> w.location().gridDistanceTo(destination))
                .thenComparing(Warehouse::getId);
        return warehouses.stream()
                .filter(w -> holdsAll(available.getOrDefault(w.getId(), Map.of()), needed))
                .min(nearest)
                .orElseGet(() -> warehouses.stream().min(nearest).orElseThrow());
    }

    private static boolean holdsAll(Map<Long, Integer> stock, Map<Long, Integer> needed) {
        return needed.entrySet().stream().allMatch(e -> stock.getOrDefault(e.getKey(), 0) >= e.getValue());
    }
}
