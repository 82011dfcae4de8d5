package com.miniamazon.simulators.world;

/**
 * How long things take in a world, scaled by its simspeed: at the default speed 100 a purchase arrives in 2 s,
 * packing takes 2 s, loading 1 s and a truck drives one grid unit in 100 ms; speed 200 halves every duration,
 * and a very high speed (say 1000000) makes them all near zero, for benchmarks.
 */
final class WorldTiming {
    static final long PURCHASE_MS = 2000;
    static final long PACK_MS = 2000;
    static final long LOAD_MS = 1000;
    static final long MS_PER_GRID_UNIT = 100;

    private WorldTiming() {}

    static long scaled(long baseMillis, int simspeed) {
        return baseMillis * 100 / Math.max(1, simspeed);
    }

    static long travel(int fromX, int fromY, int toX, int toY, int simspeed) {
        double distance = Math.hypot((double) toX - fromX, (double) toY - fromY);
        return (long) Math.ceil(distance * MS_PER_GRID_UNIT * 100 / Math.max(1, simspeed));
    }
}
