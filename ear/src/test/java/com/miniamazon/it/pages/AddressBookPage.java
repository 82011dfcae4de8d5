package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The address book: saved destinations and the form to add one. */
public class AddressBookPage extends ShopPage {

    public AddressBookPage(Browser browser) {
        super(browser);
        visible(By.id("destination:label"));
    }

    public static AddressBookPage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "account/addresses.xhtml");
        return new AddressBookPage(browser);
    }

    public AddressBookPage add(String label, String x, String y) {
        type(By.id("destination:label"), label);
        type(By.id("destination:x"), x);
        type(By.id("destination:y"), y);
        clickAjax(By.id("destination:save"));
        return this;
    }

    public List<String> labels() {
        return driver.findElements(By.cssSelector(".shop-destination-label")).stream().map(WebElement::getText).toList();
    }
}
