package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The cart page: lines with quantities, the live total. */
public class CartPage extends ShopPage {

    public CartPage(Browser browser) {
        super(browser);
        waitForPage();
        visible(By.id("cart"));
    }

    public static CartPage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "cart.xhtml");
        return new CartPage(browser);
    }

    public List<String> productNames() {
        return driver.findElements(By.cssSelector(".shop-cart-name")).stream().map(WebElement::getText).toList();
    }

    public String total() {
        return visible(By.id("cart:total")).getText();
    }

    public boolean isEmpty() {
        return !driver.findElements(By.id("cart:empty")).isEmpty();
    }

    /** Types a new quantity into a line and leaves the field, which applies it (Ajax). */
    public CartPage changeQuantity(int row, String quantity) {
        By input = By.id("cart:lines:" + row + ":quantity");
        String totalBefore = total();
        WebElement field = visible(input);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), quantity, Keys.TAB);
        waitForAjax();
        waiting().until(d -> !d.findElements(By.cssSelector(".ui-message-error, .ui-growl-item")).isEmpty()
                || !total().equals(totalBefore));
        return this;
    }

    public String quantityMessage(int row) {
        return fieldMessage("cart:lines:" + row + ":quantity");
    }

    public CartPage remove(int row) {
        int before = productNames().size();
        clickAjax(By.id("cart:lines:" + row + ":remove"));
        waiting().until(d -> productNames().size() == before - 1 || isEmpty());
        return this;
    }
}
