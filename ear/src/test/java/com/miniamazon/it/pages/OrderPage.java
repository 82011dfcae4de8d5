package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An order's page: status, live timeline, grid picture, destination change. */
public class OrderPage extends ShopPage {

    public OrderPage(Browser browser) {
        super(browser);
        visible(By.id("timeline"));
    }

    public static OrderPage open(Browser browser, long orderId) {
        browser.driver().get(TestEnvironment.shopUrl() + "orders/order.xhtml?id=" + orderId);
        return new OrderPage(browser);
    }

    public String status() {
        return visible(By.id("status")).getText();
    }

    public String trackingNumber() {
        return visible(By.id("trackingNumber")).getText();
    }

    public String destination() {
        return visible(By.id("destinationPoint")).getText();
    }

    public List<String> timelineLabels() {
        return driver.findElements(By.cssSelector("#timeline .shop-timeline-label")).stream()
                .map(WebElement::getText).toList();
    }

    public String timelineText() {
        return visible(By.id("timeline")).getText();
    }

    /**
     * Waits, without reloading (the page polls by itself), until the status shows the text. A poll may replace
     * the element between finding and reading it; that read is simply tried again.
     */
    public OrderPage waitForStatus(String label, Duration within) {
        new WebDriverWait(driver, within).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> status = d.findElements(By.id("status"));
            return !status.isEmpty() && status.get(0).getText().equals(label);
        });
        return this;
    }

    /** Waits, without reloading, until the timeline mentions the text (a replaced element is read again). */
    public OrderPage waitForTimeline(String text, Duration within) {
        new WebDriverWait(driver, within).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> timeline = d.findElements(By.id("timeline"));
            return !timeline.isEmpty() && timeline.get(0).getText().contains(text);
        });
        return this;
    }

    public boolean showsTruck() {
        return !driver.findElements(By.cssSelector("#gridPicture .shop-grid-truck")).isEmpty();
    }

    public boolean canChangeDestination() {
        return !driver.findElements(By.id("destination:change")).isEmpty();
    }

    public OrderPage changeDestination(String x, String y) {
        type(By.id("destination:newX"), x);
        type(By.id("destination:newY"), y);
        clickAjax(By.id("destination:change"));
        return this;
    }

    /** Stops the page's live updates, as a page left open in a background tab would show an old state. */
    public OrderPage stopLiveUpdates() {
        ((JavascriptExecutor) driver).executeScript("PF('orderPoll').stop();");
        return this;
    }

    public String noChangeText() {
        return visible(By.id("destination:noChange")).getText();
    }
}
