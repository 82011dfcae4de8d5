package com.miniamazon.simulators.ups;

import java.util.LinkedHashSet;
import java.util.Set;

/** One of the carrier's trucks as UPS knows it (from the world's reports). Loop thread only. */
final class UpsTruck {

    enum Status { IDLE, TO_WAREHOUSE, AT_WAREHOUSE, DELIVERING }

    final int id;
    final int initX;
    final int initY;
    int x;
    int y;
    Status status = Status.IDLE;
    Integer warehouseId;
    /** Shipments on or assigned to this truck and not delivered yet, in assignment order (derived, not stored). */
    final Set<Long> shipments = new LinkedHashSet<>();

    UpsTruck(int id, int initX, int initY) {
        this.id = id;
        this.initX = initX;
        this.initY = initY;
        this.x = initX;
        this.y = initY;
    }

    /** A truck that was sent to this warehouse and has not left it: new shipments there may ride along. */
    boolean collectsAt(int warehouse) {
        return warehouseId != null && warehouseId == warehouse
                && (status == Status.TO_WAREHOUSE || status == Status.AT_WAREHOUSE);
    }
}
