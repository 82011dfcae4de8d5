package com.miniamazon.simulators.chaos;

/**
 * What the proxy does to the frames of one direction. Percentages are per frame, 0 to 100, drawn from the
 * proxy's seeded random. {@link #NONE} passes every frame through untouched.
 *
 * @param dropPercent frames silently discarded
 * @param duplicatePercent frames written twice in a row
 * @param reorderPercent frames held back and written after the next one (or after {@link #REORDER_HOLD_MILLIS}
 *     when no next one comes)
 * @param splitPercent frames written in two to four pieces at random byte boundaries, each flushed on its own
 * @param delayMillis every frame is written this long after it was read (order kept)
 */
public record Faults(int dropPercent, int duplicatePercent, int reorderPercent, int splitPercent, int delayMillis) {

    /** Longest a frame held back for reordering waits for a successor before it goes out alone. */
    public static final int REORDER_HOLD_MILLIS = 300;

    /** Pass-through. */
    public static final Faults NONE = new Faults(0, 0, 0, 0, 0);

    public Faults {
        percent("drop", dropPercent);
        percent("duplicate", duplicatePercent);
        percent("reorder", reorderPercent);
        percent("split", splitPercent);
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative, not " + delayMillis);
        }
    }

    public Faults withDrop(int percent) {
        return new Faults(percent, duplicatePercent, reorderPercent, splitPercent, delayMillis);
    }

    public Faults withDuplicate(int percent) {
        return new Faults(dropPercent, percent, reorderPercent, splitPercent, delayMillis);
    }

    public Faults withReorder(int percent) {
        return new Faults(dropPercent, duplicatePercent, percent, splitPercent, delayMillis);
    }

    public Faults withSplit(int percent) {
        return new Faults(dropPercent, duplicatePercent, reorderPercent, percent, delayMillis);
    }

    public Faults withDelay(int millis) {
        return new Faults(dropPercent, duplicatePercent, reorderPercent, splitPercent, millis);
    }

    @Override
    public String toString() {
        return "drop " + dropPercent + "%, duplicate " + duplicatePercent + "%, reorder " + reorderPercent + "%, split "
                + splitPercent + "%, delay " + delayMillis + " ms";
    }

    private static void percent(String name, int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be 0..100 percent, not " + value);
        }
    }
}
