package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import org.openqa.selenium.By;

/** A product page: details, the buy box, reviews, recommendations. */
public class ProductPage extends ShopPage {

    public ProductPage(Browser browser) {
        super(browser);
        visible(By.id("productName"));
    }

    public static ProductPage open(Browser browser, long productId) {
        browser.driver().get(TestEnvironment.shopUrl() + "product.xhtml?id=" + productId);
        return new ProductPage(browser);
    }

    public String name() {
        return visible(By.id("productName")).getText();
    }

    public String price() {
        return visible(By.id("price")).getText();
    }

    public String seller() {
        return visible(By.id("sellerName")).getText();
    }

    public String description() {
        return visible(By.id("description")).getText();
    }

    public long productId() {
        return Long.parseLong(visible(By.cssSelector(".product-page")).getAttribute("data-product-id"));
    }

    /** Enters a quantity and presses "Add to cart"; waits for the Ajax answer. */
    public ProductPage addToCart(String quantity) {
        type(By.id("buy:quantity"), quantity);
        clickAjax(By.id("buy:addToCart"));
        return this;
    }

    public String quantityMessage() {
        return fieldMessage("buy:quantity");
    }

    /** Writes a review (stars 1 to 5) with the review form, which shows once the product was delivered. */
    public ProductPage writeReview(int stars, String title, String body) {
        visible(By.cssSelector("#review\\:rating .ui-rating-star:nth-of-type(" + stars + ") a")).click();
        type(By.id("review:title"), title);
        type(By.id("review:body"), body);
        clickAjax(By.id("review:submitReview"));
        return this;
    }

    public String reviewsText() {
        return visible(By.id("reviews")).getText();
    }
}
