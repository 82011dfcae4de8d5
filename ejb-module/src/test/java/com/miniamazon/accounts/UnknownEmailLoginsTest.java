package com.miniamazon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnknownEmailLoginsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void anUnknownEmailIsLockedAfterTheSameNumberOfFailuresAsAnAccount() {
        UnknownEmailLogins unknown = new UnknownEmailLogins();
        Account account = new Account("known@example.test", "Known", "hash");
        for (int i = 1; i <= 6; i++) {
            account.recordFailedLogin(NOW, LoginThrottle.STANDARD);
            unknown.recordFailure("nobody@example.test", NOW);
            assertThat(unknown.lockedUntil("nobody@example.test", NOW).isPresent())
                    .as("locked after failure %d", i).isEqualTo(account.isLockedAt(NOW));
        }
        assertThat(unknown.lockedUntil("nobody@example.test", NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(unknown.lockedUntil("someone.else@example.test", NOW)).isEmpty();
    }

    @Test
    void theLockEndsAndTheNextFailureLocksForLonger() {
        UnknownEmailLogins unknown = new UnknownEmailLogins();
        for (int i = 0; i < 5; i++) {
            unknown.recordFailure("nobody@example.test", NOW);
        }
        Instant later = NOW.plus(Duration.ofMinutes(2));
        assertThat(unknown.lockedUntil("nobody@example.test", later)).isEmpty();
        assertThat(unknown.recordFailure("nobody@example.test", later)).contains(later.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aFloodOfEmailsNeitherGrowsTheCountsWithoutBoundNorStopsTheThrottle() {
        UnknownEmailLogins unknown = new UnknownEmailLogins();
        for (int i = 0; i < UnknownEmailLogins.MAX_TRACKED * 2; i++) {
            unknown.recordFailure("flood" + i + "@example.test", NOW);
        }
        for (int i = 0; i < 5; i++) {
            unknown.recordFailure("target@example.test", NOW);
        }
        assertThat(unknown.tracked()).isLessThanOrEqualTo(UnknownEmailLogins.MAX_TRACKED);
        assertThat(unknown.lockedUntil("target@example.test", NOW)).isPresent();
    }
}
