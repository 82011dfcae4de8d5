package com.miniamazon.simulators.world;

/** A truck's status as the world protocol spells it (sent upper case by default, lower case on request). */
public enum TruckStatus {
    IDLE("idle"),
    TRAVELING("traveling"),
    ARRIVE_WAREHOUSE("arrive warehouse"),
    LOADING("loading"),
    DELIVERING("delivering");

    private final String lower;

    TruckStatus(String lower) {
        this.lower = lower;
    }

    /** The wire text, e.g. "ARRIVE WAREHOUSE" or "arrive warehouse". */
    public String text(boolean upperCase) {
        return upperCase ? lower.toUpperCase(java.util.Locale.ROOT) : lower;
    }
}
