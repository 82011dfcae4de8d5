package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The listing form of a seller: new or existing product, with the picture upload for an existing one. */
public class ListingFormPage extends ShopPage {

    public ListingFormPage(Browser browser) {
        super(browser);
        visible(By.id("listing:name"));
    }

    public static ShopPage openFor(Browser browser, long productId) {
        return ShopPage.open(browser, "seller/listing.xhtml?id=" + productId);
    }

    /** Fills in the form and saves; the form reopens for the saved listing. */
    public ListingFormPage fillAndSave(String name, String categoryLabel, String description, String price) {
        type(By.id("listing:name"), name);
        chooseCategory(categoryLabel);
        type(By.id("listing:description"), description);
        WebElement priceInput = visible(By.id("listing:price_input"));
        // The number widget formats what clear() leaves; selecting all and typing over it replaces a saved price.
        priceInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        priceInput.sendKeys(price);
        clickAndWaitForNewPage(By.id("listing:save"));
        return new ListingFormPage(browser);
    }

    /**
     * Picks a category in the PrimeFaces menu. The menu's panel slides open, and a click that lands mid-animation
     * can be lost; then the panel is still open, and the item is clicked again.
     */
    private void chooseCategory(String categoryLabel) {
        By item = By.cssSelector("#listing\\:category_items li[data-label='" + categoryLabel + "']");
        visible(By.id("listing:category")).click();
        for (int attempt = 1; ; attempt++) {
            visible(item).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                        d -> categoryLabel.equals(d.findElement(By.id("listing:category_label")).getText()));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public long productId() {
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceAll("[^0-9].*$", ""));
    }

    /** Uploads a file through the picture widget and waits for the shop's answer in the growl. */
    public String uploadPicture(Path file) {
        WebElement input = driver.findElement(By.cssSelector("#upload input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        waitForAjax();
        By messages = By.cssSelector(".ui-growl-message, .ui-fileupload-content .ui-messages-error");
        waiting().until(d -> !d.findElements(messages).isEmpty());
        return driver.findElements(messages).stream().map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }
}
