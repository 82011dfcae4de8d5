package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The search and browse page: results grid, filters, recommendations when nothing matches. */
public class SearchPage extends ShopPage {

    public SearchPage(Browser browser) {
        super(browser);
        visible(By.id("matchCount"));
    }

    public static SearchPage openFor(Browser browser, String query) {
        browser.driver().get(TestEnvironment.shopUrl() + query);
        return new SearchPage(browser);
    }

    public static SearchPage searchFor(Browser browser, String words) {
        return openFor(browser, "search.xhtml?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
    }

    public List<String> resultNames() {
        return driver.findElements(By.cssSelector("#results .product-card-name")).stream()
                .map(WebElement::getText).toList();
    }

    public List<String> recommendationNames() {
        return driver.findElements(By.cssSelector("#recommendations .product-card-name")).stream()
                .map(WebElement::getText).toList();
    }

    public String matchCountText() {
        return visible(By.id("matchCount")).getText();
    }

    public boolean saysNothingMatches() {
        return !driver.findElements(By.id("noResults")).isEmpty();
    }

    /** Opens the product page of a result by its name. */
    public ProductPage open(String productName) {
        WebElement link = driver.findElements(By.cssSelector("#results .product-card-link")).stream()
                .filter(l -> l.getText().contains(productName)).findFirst()
                .orElseThrow(() -> new AssertionError("no result named " + productName + " in " + resultNames()));
        link.click();
        return new ProductPage(browser);
    }

    /** Goes to the next page of results (Ajax) and waits for it. */
    public void nextPage() {
        List<String> before = resultNames();
        clickAjax(By.cssSelector("#results .ui-paginator-next"));
        waiting().until(d -> !resultNames().equals(before));
    }

    /** Sets the price range in the filter form and applies it. */
    public SearchPage filterByPrice(String min, String max) {
        type(By.id("filters:min_input"), min);
        type(By.id("filters:max_input"), max);
        clickAndWaitForNewPage(By.id("filters:apply"));
        return new SearchPage(browser);
    }
}
