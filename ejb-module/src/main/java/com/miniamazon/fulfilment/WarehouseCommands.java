package com.miniamazon.fulfilment;

import java.util.List;

/**
 * What fulfilment asks of the world's warehouses. Each call records the command durably in the caller's
 * transaction; it reaches the world after that transaction commits, and is repeated until the world
 * acknowledges it. Implemented by the gateway.
 */
public interface WarehouseCommands {

    /** Buy units into a warehouse (the world reports their arrival later). */
    void purchase(int warehouseId, List<Item> items);

    /** Pack a shipment whose units are in the warehouse. */
    void pack(long shipmentId, int warehouseId, List<Item> items);

    /** Put a packed shipment on the truck waiting at its warehouse. */
    void putOnTruck(long shipmentId, int warehouseId, int truckId);

    /** Ask the world what state a package is in (to recover from a silence). */
    void queryPackage(long shipmentId);

    /** A product and a number of units, with the description the world keeps for the product. */
    record Item(long productId, String description, int count) {
        public Item {
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive: " + count);
            }
        }
    }
}
