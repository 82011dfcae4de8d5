package com.miniamazon.inventory;

import java.io.Serializable;

/** An address on the world's grid: integer (x, y), as warehouses and delivery destinations are given. */
public record GridPoint(int x, int y) implements Serializable {

    /**
     * Distance along the grid's streets (|dx| + |dy|), the measure by which the nearest warehouse is chosen.
     * Computed in long arithmetic, so coordinates anywhere in the int range cannot overflow.
     */
    public long gridDistanceTo(GridPoint other) {
        return Math.abs((long) x - other.x) + Math.abs((long) y - other.y);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
