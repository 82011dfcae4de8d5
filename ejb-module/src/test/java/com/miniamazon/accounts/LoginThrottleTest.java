package com.miniamazon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void fourFailuresAreFreeTheFifthLocksForAMinuteAndLocksDoubleUpToFifteenMinutes() {
        LoginThrottle throttle = LoginThrottle.STANDARD;
        assertThat(throttle.lockedUntil(4, NOW)).isEmpty();
        assertThat(throttle.lockedUntil(5, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(throttle.lockedUntil(6, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(throttle.lockedUntil(8, NOW)).contains(NOW.plus(Duration.ofMinutes(8)));
        assertThat(throttle.lockedUntil(9, NOW)).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(throttle.lockedUntil(500, NOW)).contains(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anAccountCountsFailuresAndASuccessClearsThem() {
        Account account = new Account("A@Example.test ", "A", "hash");
        assertThat(account.getEmail()).isEqualTo("a@example.test");
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, LoginThrottle.STANDARD);
        }
        assertThat(account.isLockedAt(NOW)).isTrue();
        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(2)))).isFalse();
        account.recordSuccessfulLogin(NOW.plus(Duration.ofMinutes(2)));
        assertThat(account.getFailedLoginCount()).isZero();
        assertThat(account.getLockedUntil()).isNull();
    }

    @Test
    void rolesFollowTheFlags() {
        assertThat(Roles.of(false, false)).containsExactly("customer");
        assertThat(Roles.of(true, true)).containsExactlyInAnyOrder("customer", "seller", "admin");
    }
}
