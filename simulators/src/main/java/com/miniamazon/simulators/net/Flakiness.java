package com.miniamazon.simulators.net;

import java.util.concurrent.ThreadLocalRandom;

/** The percentage of received command items a simulator silently ignores, so that senders must resend. */
public final class Flakiness {

    private final int percent;

    /** @param percent 0 (never drop) to 99 */
    public Flakiness(int percent) {
        if (percent < 0 || percent > 99) {
            throw new IllegalArgumentException("flakiness must be 0..99 percent, not " + percent);
        }
        this.percent = percent;
    }

    /** True when this item is to be ignored: no ack, no effect. */
    public boolean drop() {
        return percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent;
    }

    public int percent() {
        return percent;
    }
}
