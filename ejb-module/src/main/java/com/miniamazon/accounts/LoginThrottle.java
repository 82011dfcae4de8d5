package com.miniamazon.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an account stays locked after repeated wrong passwords: free tries first, then a lock that doubles
 * with every further failure up to a ceiling. Slows a password guesser down to a few tries an hour without
 * locking a forgetful owner out for long.
 */
public final class LoginThrottle {

    /** The store's rule: five free tries, then 1 minute, 2, 4, ... at most 15 minutes. */
    public static final LoginThrottle STANDARD = new LoginThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(15));

    private final int freeFailures;
    private final Duration firstLock;
    private final Duration longestLock;

    public LoginThrottle(int freeFailures, Duration firstLock, Duration longestLock) {
        if (freeFailures < 1 || firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("bad throttle: " + freeFailures + ", " + firstLock + ", " + longestLock);
        }
        this.freeFailures = freeFailures;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
    }

    /** The lock that follows the {@code failures}-th consecutive failure at {@code now}, if any. */
    public Optional<Instant> lockedUntil(int failures, Instant now) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - freeFailures, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        if (lock.compareTo(longestLock) > 0) {
            lock = longestLock;
        }
        return Optional.of(now.plus(lock));
    }
}
