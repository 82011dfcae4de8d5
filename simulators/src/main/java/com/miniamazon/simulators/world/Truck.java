package com.miniamazon.simulators.world;

import com.miniamazon.simulators.net.GroupCommitLoop;
import java.util.ArrayList;
import java.util.List;

/** One UPS truck of a world. Mutable; touched only on the world loop's thread. */
final class Truck {
    final int id;
    final int initX;
    final int initY;
    TruckStatus status = TruckStatus.IDLE;
    int fromX;
    int fromY;
    int toX;
    int toY;
    long departAt;
    long arriveAt;
    Integer atWarehouse;
    Integer targetWarehouse;
    boolean delivering;
    List<Long> route = new ArrayList<>();
    /** Packages being loaded onto this truck now; derived, not stored. */
    int loadsInProgress;
    GroupCommitLoop.Timer arrival;

    Truck(int id, int initX, int initY) {
        this.id = id;
        this.initX = initX;
        this.initY = initY;
        this.fromX = initX;
        this.fromY = initY;
        this.toX = initX;
        this.toY = initY;
    }

    boolean moving() {
        return status == TruckStatus.TRAVELING || status == TruckStatus.DELIVERING;
    }

    /** Where the truck is at {@code now}: on the straight line between departure and destination. */
    int[] positionAt(long now) {
        if (!moving()) {
            return new int[] {fromX, fromY};
        }
        if (now >= arriveAt || arriveAt <= departAt) {
            return new int[] {toX, toY};
        }
        double f = Math.max(0, (double) (now - departAt) / (arriveAt - departAt));
        return new int[] {(int) Math.round(fromX + (toX - fromX) * f), (int) Math.round(fromY + (toY - fromY) * f)};
    }

    /** Makes the truck stand still at (x, y). */
    void standAt(int x, int y, long now) {
        fromX = x;
        fromY = y;
        toX = x;
        toY = y;
        departAt = now;
        arriveAt = now;
    }
}
