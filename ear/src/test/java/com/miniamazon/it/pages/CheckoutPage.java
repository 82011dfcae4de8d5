package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Checkout: destination, optional UPS account, the order button and the acknowledgement. */
public class CheckoutPage extends ShopPage {

    public CheckoutPage(Browser browser) {
        super(browser);
        visible(By.id("checkout:placeOrder"));
    }

    public static CheckoutPage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "checkout.xhtml");
        return new CheckoutPage(browser);
    }

    public CheckoutPage deliverTo(String x, String y) {
        type(By.id("checkout:x"), x);
        type(By.id("checkout:y"), y);
        return this;
    }

    public CheckoutPage withUpsAccount(String account) {
        type(By.id("checkout:upsAccount"), account);
        return this;
    }

    /** Presses "Place order" and waits for an answer: validation messages, or the acknowledgement. */
    public CheckoutPage placeOrder() {
        visible(By.id("checkout:placeOrder")).click();
        waitForAjax();
        // The acknowledgement may take the backend's full wait (5 s) plus the order itself.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("ackHeading")),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-message-error"))));
        // What the customer finally sees: the "Placing your order" overlay fades out after the answer arrives.
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-blockui-content")));
        return this;
    }

    public String acknowledgement() {
        return visible(By.id("ackHeading")).getText();
    }

    public long orderNumber() {
        return Long.parseLong(visible(By.id("orderNumber")).getText().strip());
    }

    public OrderPage followOrder() {
        visible(By.id("followOrder")).click();
        return new OrderPage(browser);
    }
}
