package com.miniamazon.simulators.ups;

import com.miniamazon.protocol.ups.AURequestPickup;

/** One package UPS carries, by the shipid Amazon chose. Loop thread only. */
final class Shipment {

    enum Status { WAITING, TRUCK_ASSIGNED, TRUCK_ARRIVED, LOADED, OUT_FOR_DELIVERY, DELIVERED }

    final long shipid;
    final AURequestPickup request;
    int destX;
    int destY;
    Integer truckId;
    Status status = Status.WAITING;

    Shipment(AURequestPickup request) {
        this.shipid = request.getShipid();
        this.request = request;
        this.destX = request.getDestX();
        this.destY = request.getDestY();
    }

    int warehouseId() {
        return request.getWhnum();
    }

    /** Out for delivery or delivered: the destination can no longer change. */
    boolean left() {
        return status == Status.OUT_FOR_DELIVERY || status == Status.DELIVERED;
    }
}
