package com.miniamazon.it.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.CartPage;
import com.miniamazon.it.pages.CheckoutPage;
import com.miniamazon.it.pages.OrderHistoryPage;
import com.miniamazon.it.pages.OrderPage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.Mailbox;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import com.miniamazon.it.support.SimulatedWorld;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From registration to a delivered order and its emails, the way a customer does it. */
class CheckoutJourneyIT {

    private static final Duration DELIVERY = Duration.ofMinutes(3);

    @BeforeAll
    static void worldAndMailAreRunning() {
        SimulatedWorld.get();
        Mailbox.start();
    }

    @Test
    void registerSearchWithATypoBuyTwoProductsAndWatchTheOrderReachDelivered() {
        String email = Shoppers.uniqueEmail("buyer");
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Barbara Liskov", email, Shoppers.PASSWORD);
            SearchPage.searchFor(browser, "labtop").open("Laptop 14\" Ultrabook").addToCart("1").waitForCartCount(1);
            SearchPage.searchFor(browser, "wireles mouse").open("Wireless Mouse").addToCart("2").waitForCartCount(3);
            assertThat(CartPage.open(browser).total()).isEqualTo("$938.98");

            CheckoutPage checkout = CheckoutPage.open(browser).deliverTo("12", "34");
            browser.screenshot("checkout");
            checkout.placeOrder();
            browser.screenshot("checkout-acknowledged");
            assertThat(checkout.acknowledgement()).startsWith("Thank you! Your order")
                    .containsAnyOf("is confirmed", "received and is being processed");
            long orderId = checkout.orderNumber();
            assertThat(ShopPage.on(browser).cartCount()).isZero();

            OrderPage order = checkout.followOrder();
            assertThat(order.trackingNumber()).matches("\\d+");
            order.waitForStatus("Delivered", DELIVERY);
            browser.screenshot("order-delivered");
            assertThat(order.timelineLabels()).containsSubsequence("Order placed", "Being packed", "Packed",
                    "Loading onto the truck", "On the truck", "Out for delivery", "Delivered");
            assertThat(order.showsTruck()).isTrue();
            assertThat(order.noChangeText()).contains("can no longer change");

            assertThat(Mailbox.awaitSubject(email, "has shipped", Duration.ofSeconds(30)))
                    .isEqualTo("Your Mini-Amazon order " + orderId + " has shipped");
            assertThat(Mailbox.awaitSubject(email, "was delivered", Duration.ofSeconds(30)))
                    .isEqualTo("Your Mini-Amazon order " + orderId + " was delivered");
            // The sender the deployment configures (MINIAMAZON_MAIL_FROM, here its default), in the header a mail client shows.
            assertThat(Mailbox.sendersFor(email)).containsOnly("orders@mini-amazon.local");

            assertThat(OrderHistoryPage.open(browser, "mouse").orderNumbers()).containsExactly(Long.toString(orderId));
            assertThat(OrderHistoryPage.open(browser, "espresso").orderNumbers()).isEmpty();
            browser.screenshot("order-history");

            // Once received, the product can be reviewed.
            var product = SearchPage.searchFor(browser, "wireless mouse").open("Wireless Mouse");
            assertThat(product.bodyText()).contains("Write a review");
            product.writeReview(4, "Quiet and precise", "Works on every surface I tried.");
            assertThat(product.growlContaining("Thank you")).contains("review is published");
            assertThat(product.reviewsText()).contains("Quiet and precise", "by Barbara Liskov",
                    "Works on every surface I tried.");
            browser.screenshot("product-review");
        }
    }

    @Test
    void badCoordinatesAtCheckoutAreRefusedWithMessagesAndNothingIsOrdered() {
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Careless", Shoppers.uniqueEmail("careless"), Shoppers.PASSWORD);
            SearchPage.searchFor(browser, "yoga").open("Yoga Mat").addToCart("1").waitForCartCount(1);
            CheckoutPage checkout = CheckoutPage.open(browser).deliverTo("north", "20000").placeOrder();
            browser.screenshot("checkout-bad-coordinates");
            assertThat(checkout.fieldMessage("checkout:x")).contains("x must be a whole number");
            assertThat(checkout.fieldMessage("checkout:y")).contains("from -10000 to 10000");
            assertThat(checkout.cartCount()).isEqualTo(1);

            // UPS is asked whether the account exists; an unknown one is refused next to its field.
            checkout.deliverTo("3", "4").withUpsAccount("nobody-at-ups").placeOrder();
            assertThat(checkout.fieldMessage("checkout:upsAccount")).contains("UPS has no account called nobody-at-ups");
            browser.screenshot("checkout-unknown-ups-account");
            assertThat(checkout.cartCount()).isEqualTo(1);
        }
    }

    @Test
    void aDestinationChangeBeforeOutForDeliveryIsMadeAndAfterwardsRefusedWithAClearMessage() {
        // At the test speed an order is delivered in seconds; a person needs the packing to take a while.
        SimulatedWorld.get().restartWorldAtSpeed(20);
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Mover", Shoppers.uniqueEmail("mover"), Shoppers.PASSWORD);
            SearchPage.searchFor(browser, "jigsaw").open("Jigsaw Puzzle 1500 pcs").addToCart("1").waitForCartCount(1);
            CheckoutPage checkout = CheckoutPage.open(browser).deliverTo("5", "5").placeOrder();
            long orderId = checkout.orderNumber();
            OrderPage order = checkout.followOrder();
            assertThat(order.canChangeDestination()).isTrue();
            order.changeDestination("40", "-20");
            browser.screenshot("destination-change-requested");
            assertThat(order.growlContaining("Change requested")).contains("(40, -20)");
            order.waitForTimeline("Destination changed to (40, -20)", DELIVERY);
            assertThat(order.destination()).isEqualTo("40, -20");

            // A page left open still shows the form; by the time it is sent, the package is on its way.
            order.stopLiveUpdates();
            Awaitility.await().atMost(DELIVERY).pollInterval(Duration.ofMillis(500)).until(() -> ShopDatabase.longValue(
                    "select count(*) from customer_order where id = ? and status in ('DELIVERING', 'DELIVERED')",
                    orderId) == 1);
            order.changeDestination("1", "1");
            browser.screenshot("destination-change-refused");
            assertThat(order.growlContaining("Destination not changed")).contains("can no longer change");
            assertThat(order.noChangeText()).contains("can no longer change");
            assertThat(ShopDatabase.longValue(
                    "select count(*) from customer_order where id = ? and destination_x = 40 and destination_y = -20",
                    orderId)).isEqualTo(1);
        } finally {
            SimulatedWorld.get().restartWorldAtSpeed(SimulatedWorld.TEST_SIMSPEED);
        }
    }
}
