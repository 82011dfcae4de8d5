package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Your orders". */
public class OrderHistoryPage extends ShopPage {

    public OrderHistoryPage(Browser browser) {
        super(browser);
        visible(By.id("history:orders"));
    }

    public static OrderHistoryPage open(Browser browser, String query) {
        browser.driver().get(TestEnvironment.shopUrl() + "orders/history.xhtml" + (query == null ? "" : "?q=" + query));
        return new OrderHistoryPage(browser);
    }

    public List<String> orderNumbers() {
        return driver.findElements(By.cssSelector(".shop-order-link")).stream().map(WebElement::getText).toList();
    }
}
