package com.miniamazon.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checkouts take turns: a bounded number at once, the others in arrival order, turned away after the wait. */
class CheckoutAdmissionTest {

    @Test
    void aCheckoutBeyondTheLimitWaitsUntilOneBeforeItEnds() throws Exception {
        CheckoutAdmission admission = new CheckoutAdmission(2, 20_000);
        CheckoutAdmission.Turn first = admission.enter();
        CheckoutAdmission.Turn second = admission.enter();

        CompletableFuture<CheckoutAdmission.Turn> third = CompletableFuture.supplyAsync(() -> enter(admission));
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 1);
        assertThat(third).as("two checkouts are at work").isNotDone();

        first.close();
        first.close(); // closing twice gives back one turn, not two
        CheckoutAdmission.Turn thirdsTurn = third.get(5, TimeUnit.SECONDS);
        assertThat(admission.waiting()).isZero();

        CompletableFuture<CheckoutAdmission.Turn> fourth = CompletableFuture.supplyAsync(() -> enter(admission));
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 1);
        assertThat(fourth).as("the second close gave nothing back").isNotDone();

        second.close();
        fourth.get(5, TimeUnit.SECONDS).close();
        thirdsTurn.close();
        assertThat(admission.turnedAway()).isZero();
    }

    @Test
    void aCheckoutThatWaitsTooLongIsTurnedAwayWithAMessageForTheCustomer() throws Exception {
        CheckoutAdmission admission = new CheckoutAdmission(1, 50);
        try (CheckoutAdmission.Turn busy = admission.enter()) {
            assertThatThrownBy(admission::enter)
                    .isInstanceOf(CheckoutBusy.class)
                    .isInstanceOf(CheckoutRejected.class)
                    .hasMessageContaining("not placed")
                    .hasMessageContaining("try again");
        }
        assertThat(admission.turnedAway()).isEqualTo(1);
        assertThat(admission.waiting()).isZero();
        admission.enter().close(); // the turn held above was given back
    }

    @Test
    void withoutALimitConfiguredTwoCheckoutsPerProcessorWorkAtOnce() {
        assertThat(new CheckoutAdmission(0, 10).limit()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(new CheckoutAdmission(7, 10).limit()).isEqualTo(7);
    }

    private static CheckoutAdmission.Turn enter(CheckoutAdmission admission) {
        try {
            return admission.enter();
        } catch (CheckoutBusy e) {
            throw new CompletionException(e);
        }
    }
}
