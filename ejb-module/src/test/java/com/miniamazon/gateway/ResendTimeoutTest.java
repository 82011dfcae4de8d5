package com.miniamazon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The resend timeout a connection learns from its peer's acknowledgements, with the clock in the test's hands. */
class ResendTimeoutTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ResendTimeout timeout = new ResendTimeout(1000, 200, 8000, 2);

    @Test
    void untilAnAcknowledgementIsMeasuredTheConfiguredInitialTimeoutHolds() {
        timeout.sent(1, true, 0);
        assertThat(timeout.millis()).isEqualTo(1000);
        assertThat(timeout.samples()).isZero();
    }

    @Test
    void theFirstRoundTripGivesThreeTimesItself() {
        timeout.sent(1, true, 0);
        timeout.acknowledged(List.of(1L), 400 * MS);
        // smoothed 400 ms, deviation 200 ms: 400 + 4 · 200
        assertThat(timeout.millis()).isEqualTo(1200);
    }

    @Test
    void aFastPeerBringsItDownToTheFloorAndASlowOneUpToTheCeiling() {
        long now = 0;
        for (long seq = 1; seq <= 50; seq++) {
            timeout.sent(seq, true, now);
            now += 5 * MS;
            timeout.acknowledged(List.of(seq), now);
        }
        assertThat(timeout.millis()).isEqualTo(200);

        for (long seq = 51; seq <= 100; seq++) {
            timeout.sent(seq, true, now);
            now += 20_000 * MS;
            timeout.acknowledged(List.of(seq), now);
        }
        assertThat(timeout.millis()).isEqualTo(8000);
    }

    @Test
    void aCommandsDelayDoublesTwiceFromTheLearnedTimeoutAndNeverPassesTheCeiling() {
        assertThat(timeout.longestMillis()).isEqualTo(4000);

        long now = 0;
        for (long seq = 1; seq <= 50; seq++) {
            timeout.sent(seq, true, now);
            now += 5 * MS;
            timeout.acknowledged(List.of(seq), now);
        }
        assertThat(timeout.longestMillis()).isEqualTo(800); // a fast peer: 200 ms, doubled twice

        for (long seq = 51; seq <= 100; seq++) {
            timeout.sent(seq, true, now);
            now += 20_000 * MS;
            timeout.acknowledged(List.of(seq), now);
        }
        assertThat(timeout.longestMillis()).isEqualTo(8000); // a slow one: the ceiling
    }

    @Test
    void aCommandSentMoreThanOnceIsNotMeasured() {
        timeout.sent(1, true, 0);
        timeout.sent(1, false, 1000 * MS); // resent: its acknowledgement could answer either send
        timeout.acknowledged(List.of(1L), 1700 * MS);
        assertThat(timeout.samples()).isZero();
        assertThat(timeout.millis()).isEqualTo(1000);
    }

    @Test
    void aRepeatedAcknowledgementCountsOnce() {
        timeout.sent(1, true, 0);
        timeout.acknowledged(List.of(1L), 300 * MS);
        timeout.acknowledged(List.of(1L), 5000 * MS);
        assertThat(timeout.samples()).isEqualTo(1);
        assertThat(timeout.millis()).isEqualTo(900);
    }

    @Test
    void anAnswerRightAfterAResendShowsItNeedlessAndDoublesTheTimeoutUntilTheNextMeasurement() {
        timeout.sent(1, true, 0);
        timeout.acknowledged(List.of(1L), 100 * MS);
        assertThat(timeout.millis()).isEqualTo(300);

        // The peer slows down: commands are resent, and answered within 50 ms (half a round trip) of the resend,
        // so the answers are to the first sends.
        timeout.sent(2, true, 1000 * MS);
        timeout.sent(3, true, 1000 * MS);
        timeout.sent(4, true, 1000 * MS);
        timeout.sent(2, false, 1300 * MS);
        timeout.sent(3, false, 1300 * MS);
        timeout.sent(4, false, 1900 * MS);
        timeout.acknowledged(List.of(2L, 3L), 1310 * MS);
        assertThat(timeout.millis()).as("doubled once for the two").isEqualTo(600);
        timeout.acknowledged(List.of(4L), 1920 * MS);
        assertThat(timeout.millis()).as("600 ms after the last doubling").isEqualTo(1200);

        // A command sent once under the doubled timeout is answered: the measurement takes over again.
        timeout.sent(5, true, 2000 * MS);
        timeout.acknowledged(List.of(5L), 2100 * MS);
        // smoothed 100 ms, deviation 0.75 · 50 + 0.25 · 0 = 37.5 ms: 100 + 4 · 37.5
        assertThat(timeout.millis()).isEqualTo(250);
    }

    @Test
    void anAnswerARoundTripAfterAResendAnswersTheResendAndChangesNothing() {
        timeout.sent(1, true, 0);
        timeout.acknowledged(List.of(1L), 100 * MS);
        // Lost on the way, resent after the timeout, answered one round trip later.
        timeout.sent(2, true, 1000 * MS);
        timeout.sent(2, false, 1300 * MS);
        timeout.acknowledged(List.of(2L), 1400 * MS);
        assertThat(timeout.millis()).isEqualTo(300);
        assertThat(timeout.samples()).isEqualTo(1);
    }

    @Test
    void sendsOnAClosedConnectionAreNotMeasuredOnTheNextOne() {
        timeout.sent(1, true, 0);
        timeout.acknowledged(List.of(1L), 300 * MS);
        timeout.sent(2, true, 0);
        timeout.connectionChanged();
        timeout.acknowledged(List.of(2L), 7000 * MS);
        assertThat(timeout.samples()).as("what was learned stays; the lost send is not measured").isEqualTo(1);
        assertThat(timeout.millis()).isEqualTo(900);
    }
}
