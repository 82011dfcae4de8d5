package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
        visible(By.id("listing:category")).click();
        visible(By.cssSelector("#listing\\:category_items li[data-label='" + categoryLabel + "']")).click();
        waiting().until(d -> categoryLabel.equals(d.findElement(By.id("listing:category_label")).getText()));
        type(By.id("listing:description"), description);
        WebElement priceInput = visible(By.id("listing:price_input"));
        priceInput.clear();
        priceInput.sendKeys(price);
        clickAndWaitForNewPage(By.id("listing:save"));
        return new ListingFormPage(browser);
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
