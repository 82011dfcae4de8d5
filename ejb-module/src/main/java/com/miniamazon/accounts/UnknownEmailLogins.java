package com.miniamazon.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins to emails that have no account, throttled exactly like an account's. Without this, the lock
 * message ("too many attempts") would appear after a few wrong passwords for a registered email only, and a
 * guesser could tell registered emails from others by it. Kept in memory: an unknown email has no row to count
 * in, and a restart forgetting the counts costs a guesser nothing they could not get by waiting.
 */
@ApplicationScoped
public class UnknownEmailLogins {

    /** More than any honest traffic produces; past it, counts that no longer lock anything are dropped. */
    static final int MAX_TRACKED = 10_000;

    private final LoginThrottle throttle;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public UnknownEmailLogins() {
        this(LoginThrottle.STANDARD);
    }

    UnknownEmailLogins(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * Counts a failed login to this (normalized) unknown email at {@code now}; returns the lock that now holds,
     * if any. A locked email is not counted again, as a locked account is not.
     */
    public Optional<Instant> recordFailure(String email, Instant now) {
        Optional<Instant> locked = lockedUntil(email, now);
        if (locked.isPresent()) {
            return locked;
        }
        if (failures.size() >= MAX_TRACKED) {
            forgetExpired(now);
        }
        Failures updated = failures.compute(email, (key, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new Failures(count, throttle.lockedUntil(count, now).orElse(null));
        });
        return Optional.ofNullable(updated.lockedUntil()).filter(until -> until.isAfter(now));
    }

    /** Until when logins to this (normalized) unknown email are refused, if they are. */
    public Optional<Instant> lockedUntil(String email, Instant now) {
        Failures known = failures.get(email);
        return known == null ? Optional.empty()
                : Optional.ofNullable(known.lockedUntil()).filter(until -> until.isAfter(now));
    }

    /** How many emails have counts now. */
    int tracked() {
        return failures.size();
    }

    /** Drops the counts of emails that are not locked; if every one is, drops them all rather than grow. */
    private void forgetExpired(Instant now) {
        failures.values().removeIf(f -> f.lockedUntil() == null || !f.lockedUntil().isAfter(now));
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
    }

    private record Failures(int count, Instant lockedUntil) {}
}
