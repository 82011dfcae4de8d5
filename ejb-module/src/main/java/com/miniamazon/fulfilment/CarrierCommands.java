package com.miniamazon.fulfilment;

import com.miniamazon.inventory.GridPoint;
import java.util.List;

/**
 * What fulfilment asks of the carrier, UPS. Each call records the command durably in the caller's transaction;
 * it reaches UPS after that transaction commits and is repeated until UPS acknowledges it. Implemented by the
 * gateway.
 */
public interface CarrierCommands {

    /** A package is being packed at this warehouse: send a truck. */
    void requestPickup(long shipmentId, int warehouseId, GridPoint warehouse, GridPoint destination,
            String upsAccount, List<WarehouseCommands.Item> items);

    /** These packages are on this truck: UPS may deliver them. */
    void notifyLoaded(int truckId, List<Long> shipmentIds);

    /** The customer wants the package delivered elsewhere. */
    void changeDestination(long shipmentId, GridPoint destination);

    /** Does this UPS user exist? */
    void checkAccount(String upsAccount);
}
