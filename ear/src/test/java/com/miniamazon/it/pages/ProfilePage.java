package com.miniamazon.it.pages;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import org.openqa.selenium.By;

/** The account page: profile facts, seller switch, password change. */
public class ProfilePage extends ShopPage {

    public ProfilePage(Browser browser) {
        super(browser);
        visible(By.id("email"));
    }

    public static ProfilePage open(Browser browser) {
        browser.driver().get(TestEnvironment.shopUrl() + "account/profile.xhtml");
        return new ProfilePage(browser);
    }

    public String email() {
        return visible(By.id("email")).getText();
    }

    public String roles() {
        return visible(By.id("roles")).getText();
    }

    /** Becomes a seller; the shop opens the seller's listings. */
    public ListingsPage becomeSeller() {
        clickAndWaitForNewPage(By.id("seller:becomeSeller"));
        return new ListingsPage(browser);
    }

    public ProfilePage changePassword(String current, String next, String nextAgain) {
        type(By.id("password:currentPassword"), current);
        type(By.id("password:newPassword"), next);
        type(By.id("password:newPasswordAgain"), nextAgain);
        clickAjax(By.id("password:change"));
        return this;
    }
}
