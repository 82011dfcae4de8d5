package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page of the shop has (header search, cart badge, account menu, growl, field messages), and the
 * bounded waits the page objects use instead of sleeping: for a page to load, for PrimeFaces' Ajax queue to
 * drain, for an element or a text to appear.
 */
public class ShopPage {

    protected static final Duration WAIT = Duration.ofSeconds(15);

    protected final Browser browser;
    protected final WebDriver driver;

    protected ShopPage(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    /** Opens a path of the shop ("search.xhtml?q=x") and returns the page as seen by any page object. */
    public static ShopPage open(Browser browser, String path) {
        browser.driver().get(TestEnvironment.shopUrl() + path);
        ShopPage page = new ShopPage(browser);
        page.waitForPage();
        return page;
    }

    public static ShopPage on(Browser browser) {
        return new ShopPage(browser);
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    public void waitForPage() {
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Waits until no PrimeFaces Ajax request is queued or running. */
    public void waitForAjax() {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0)")));
    }

    protected WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Clicks a button that submits the whole page (not Ajax) and waits for the next page. The old page is marked
     * with a window property that only a new document lacks; asking the old button whether it went stale is not
     * enough, because Chromium answers such questions asked mid-navigation with a generic inspector error.
     */
    protected void clickAndWaitForNewPage(By by) {
        WebElement button = visible(by);
        ((JavascriptExecutor) driver).executeScript("window.miniAmazonPreviousPage = true");
        button.click();
        waiting().ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.miniAmazonPreviousPage === undefined")));
        waitForPage();
    }

    /** Clicks a control that sends an Ajax request and waits for the answer to be applied. */
    protected void clickAjax(By by) {
        visible(by).click();
        waitForAjax();
    }

    /** Waits until the browser shows a URL containing the text (after a redirect). */
    public void waitForUrlContaining(String text) {
        waiting().until(ExpectedConditions.urlContains(text));
        waitForPage();
    }

    public String title() {
        return driver.getTitle();
    }

    public String heading() {
        return visible(By.cssSelector("h1")).getText();
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The text of the newest growl message, waiting for one to appear. */
    public String growl() {
        return visible(By.cssSelector(".ui-growl-item-container:last-child .ui-growl-message")).getText();
    }

    /** Waits for a growl message containing the text and returns the full message. */
    public String growlContaining(String text) {
        By growls = By.cssSelector(".ui-growl-message");
        waiting().until(d -> d.findElements(growls).stream().anyMatch(g -> g.getText().contains(text)));
        return driver.findElements(growls).stream().map(WebElement::getText).filter(t -> t.contains(text))
                .findFirst().orElseThrow();
    }

    /** The message shown next to a field (the PrimeFaces p:message whose target is that client id), waiting for one. */
    public String fieldMessage(String clientId) {
        String script = "var ws = window.PrimeFaces ? Object.values(PrimeFaces.widgets) : [];"
                + "for (var i = 0; i < ws.length; i++) { var w = ws[i];"
                + "  if (w && w.cfg && w.cfg.target === arguments[0] && w.jq && w.jq.hasClass('ui-message')"
                + "      && document.body.contains(w.jq[0])) { return w.jq.text(); } }"
                + "return '';";
        waiting().until(d -> !String.valueOf(((JavascriptExecutor) d).executeScript(script, clientId)).isBlank());
        return String.valueOf(((JavascriptExecutor) driver).executeScript(script, clientId)).strip();
    }

    public int cartCount() {
        List<WebElement> badge = driver.findElements(By.id("cartCount"));
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().strip());
    }

    /** Waits until the cart badge shows this many items. */
    public void waitForCartCount(int expected) {
        waiting().until(d -> cartCount() == expected);
    }

    public boolean isSignedIn() {
        return !driver.findElements(By.id("signOutForm:signOut")).isEmpty();
    }

    /** Searches with the header box and returns the results page. */
    public SearchPage search(String words) {
        WebElement box = visible(By.id("searchForm:q_input"));
        box.clear();
        box.sendKeys(words);
        clickAndWaitForNewPage(By.id("searchForm:go"));
        return new SearchPage(browser);
    }

    /** Types into the header box and returns the autocomplete suggestions once they show. */
    public List<String> suggestionsFor(String typed) {
        WebElement box = visible(By.id("searchForm:q_input"));
        box.clear();
        box.sendKeys(typed);
        By items = By.cssSelector("#searchForm\\:q_panel .ui-autocomplete-item");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(items));
        List<String> suggestions = driver.findElements(items).stream().map(WebElement::getText).toList();
        box.sendKeys(Keys.ESCAPE);
        return suggestions;
    }

    public void signOut() {
        clickAndWaitForNewPage(By.id("signOutForm:signOut"));
    }

    public void screenshot(String name) {
        browser.screenshot(name);
    }
}
