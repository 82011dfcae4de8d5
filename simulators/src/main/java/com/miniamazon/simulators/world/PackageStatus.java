package com.miniamazon.simulators.world;

/** A package's status as AQuery answers it; the wire text is always lower case. */
public enum PackageStatus {
    PACKING,
    PACKED,
    LOADING,
    LOADED,
    DELIVERING,
    DELIVERED;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
