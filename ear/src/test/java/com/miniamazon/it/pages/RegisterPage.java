package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import org.openqa.selenium.By;

/** The registration page. */
public class RegisterPage extends ShopPage {

    public RegisterPage(Browser browser) {
        super(browser);
        visible(By.id("register:email"));
    }

    public static RegisterPage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "register.xhtml");
        return new RegisterPage(browser);
    }

    public ShopPage register(String name, String email, String password) {
        return register(name, email, password, password);
    }

    public ShopPage register(String name, String email, String password, String passwordAgain) {
        type(By.id("register:displayName"), name);
        type(By.id("register:email"), email);
        type(By.id("register:password"), password);
        type(By.id("register:passwordAgain"), passwordAgain);
        clickAndWaitForNewPage(By.id("register:create"));
        return ShopPage.on(browser);
    }
}
