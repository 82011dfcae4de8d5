package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import org.openqa.selenium.By;

/** The sign-in page. */
public class LoginPage extends ShopPage {

    public LoginPage(Browser browser) {
        super(browser);
        visible(By.id("login:email"));
    }

    public static LoginPage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "login.xhtml");
        return new LoginPage(browser);
    }

    /** Fills in and sends the form; the next page (or this one with a message) is loaded on return. */
    public ShopPage signIn(String email, String password) {
        type(By.id("login:email"), email);
        type(By.id("login:password"), password);
        clickAndWaitForNewPage(By.id("login:signIn"));
        return ShopPage.on(browser);
    }

    public String formMessage() {
        return visible(By.cssSelector("#login\\:messages .ui-messages-error")).getText();
    }
}
