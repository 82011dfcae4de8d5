package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A seller's "Your listings". */
public class ListingsPage extends ShopPage {

    public ListingsPage(Browser browser) {
        super(browser);
        visible(By.id("listings:rows"));
    }

    public static ListingsPage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "seller/listings.xhtml");
        return new ListingsPage(browser);
    }

    public List<String> names() {
        return driver.findElements(By.cssSelector(".shop-listing-name")).stream().map(WebElement::getText).toList();
    }

    /** The "Sold" cell of the listing with this name. */
    public String unitsSold(String productName) {
        return rowOf(productName).findElement(By.cssSelector(".shop-units-sold")).getText();
    }

    /** The "Revenue" cell of the listing with this name. */
    public String revenue(String productName) {
        return rowOf(productName).findElement(By.cssSelector(".shop-revenue")).getText();
    }

    private WebElement rowOf(String productName) {
        return driver.findElements(By.cssSelector("#listings\\:rows tbody tr")).stream()
                .filter(row -> row.getText().contains(productName)).findFirst()
                .orElseThrow(() -> new AssertionError("no listing " + productName + " in " + names()));
    }

    public ListingFormPage listNewProduct() {
        visible(By.id("newListing")).click();
        return new ListingFormPage(browser);
    }
}
