package com.miniamazon.simulators.world;

import com.miniamazon.protocol.world.APack;
import com.miniamazon.simulators.net.GroupCommitLoop;

/** One package (shipid) of a world. Mutable; touched only on the world loop's thread. */
final class WorldPackage {
    final long id;
    final int warehouseId;
    final APack request;
    PackageStatus status = PackageStatus.PACKING;
    Integer truckId;
    Integer destX;
    Integer destY;
    long readyAt;
    GroupCommitLoop.Timer timer;

    WorldPackage(long id, int warehouseId, APack request) {
        this.id = id;
        this.warehouseId = warehouseId;
        this.request = request;
    }
}
