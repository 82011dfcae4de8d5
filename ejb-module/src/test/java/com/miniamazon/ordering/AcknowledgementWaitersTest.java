package com.miniamazon.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Waiting for a purchase acknowledgement: woken by its arrival, by the database, or by the timeout. */
class AcknowledgementWaitersTest {

    private final AcknowledgementWaiters waiters = new AcknowledgementWaiters();

    @Test
    void anArrivingAcknowledgementWakesEveryWaiterOfThatOrderOnly() {
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> waiters.await(7, Duration.ofSeconds(20), () -> false));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> waiters.await(7, Duration.ofSeconds(20), () -> false));
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> waiters.await(8, Duration.ofMillis(300), () -> false));
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.waitingOrders() == 2);

        waiters.answered(7);

        assertThat(first.join()).isTrue();
        assertThat(second.join()).isTrue();
        assertThat(other.join()).as("order 8 was not answered").isFalse();
        assertThat(waiters.waitingOrders()).as("nothing is remembered once nobody waits").isZero();
    }

    @Test
    void anAnswerRecordedBeforeTheWaitBeganIsFoundWithoutWaiting() {
        long started = System.nanoTime();
        assertThat(waiters.await(9, Duration.ofSeconds(10), () -> true)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it did not wait for the timeout").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void whenTheTimeIsUpTheDatabaseHasTheLastWord() {
        AtomicBoolean acceptedMeanwhile = new AtomicBoolean();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                () -> waiters.await(10, Duration.ofMillis(500), acceptedMeanwhile::get));
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.waitingOrders() == 1);
        acceptedMeanwhile.set(true); // accepted, but its answer went elsewhere (another server's listener)

        assertThat(waiting.join()).isTrue();
    }
}
