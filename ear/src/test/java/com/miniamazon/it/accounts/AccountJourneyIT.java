package com.miniamazon.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.LoginPage;
import com.miniamazon.it.pages.ProfilePage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import com.miniamazon.it.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/** Registering, signing in and out, password rules, password change and throttling, as a person does them. */
class AccountJourneyIT {

    @Test
    void aNewCustomerRegistersIsSignedInAndSeesTheirOwnProfile() {
        String email = Shoppers.uniqueEmail("ada");
        try (Browser browser = Browser.open()) {
            ShopPage home = RegisterPage.open(browser).register("Ada Lovelace", email, Shoppers.PASSWORD);
            assertThat(home.growlContaining("Welcome")).contains("signed in");
            assertThat(home.isSignedIn()).isTrue();

            ProfilePage profile = ProfilePage.open(browser);
            browser.screenshot("account-profile");
            // The profile comes from an EJB that finds the account by the caller principal it was given, and the
            // roles shown are those the EJB container sees (identity propagated from the web layer).
            assertThat(profile.email()).isEqualTo(email);
            assertThat(profile.roles()).isEqualTo("Customer");

            profile.signOut();
            assertThat(ShopPage.on(browser).bodyText()).contains("You are signed out");
            assertThat(ShopPage.on(browser).isSignedIn()).isFalse();
        }
        String hash = passwordHashOf(email);
        assertThat(hash).startsWith("PBKDF2WithHmacSHA512:210000:").doesNotContain(Shoppers.PASSWORD);
    }

    @Test
    void registrationRefusesWeakPasswordsTakenEmailsAndMismatchesNextToTheField() {
        String email = Shoppers.uniqueEmail("grace");
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Grace", email, "short1");
            RegisterPage form = new RegisterPage(browser);
            assertThat(form.fieldMessage("register:password")).contains("at least 12 characters");

            RegisterPage.open(browser).register("Grace", email, Shoppers.PASSWORD, Shoppers.PASSWORD + "x");
            assertThat(new RegisterPage(browser).fieldMessage("register:passwordAgain")).contains("differ");
            browser.screenshot("register-validation");

            RegisterPage.open(browser).register("Grace", email, Shoppers.PASSWORD).signOut();
            RegisterPage.open(browser).register("Grace again", email.toUpperCase(), Shoppers.PASSWORD);
            assertThat(new RegisterPage(browser).fieldMessage("register:email")).contains("exists already");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheNewPasswordWorksAfterAChange() {
        String email = Shoppers.uniqueEmail("alan");
        String newPassword = "an entirely new 77 secret";
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Alan", email, Shoppers.PASSWORD).signOut();

            LoginPage login = LoginPage.open(browser);
            login.signIn(email, "not my password 1");
            assertThat(new LoginPage(browser).formMessage()).contains("email or password is wrong");

            LoginPage.open(browser).signIn(email, Shoppers.PASSWORD);
            ProfilePage profile = ProfilePage.open(browser);
            profile.changePassword("wrong current 12", newPassword, newPassword);
            assertThat(profile.fieldMessage("password:currentPassword")).contains("not your current password");
            profile.changePassword(Shoppers.PASSWORD, newPassword, newPassword);
            assertThat(profile.growlContaining("Password changed")).isNotEmpty();
            profile.signOut();

            LoginPage.open(browser).signIn(email, Shoppers.PASSWORD);
            assertThat(new LoginPage(browser).formMessage()).contains("wrong");
            ShopPage signedIn = LoginPage.open(browser).signIn(email, newPassword);
            assertThat(signedIn.isSignedIn()).isTrue();
        }
    }

    @Test
    void fiveWrongPasswordsPauseSignInEvenWithTheRightPassword() {
        String email = Shoppers.uniqueEmail("mallory-target");
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Target", email, Shoppers.PASSWORD).signOut();
            for (int attempt = 1; attempt <= 5; attempt++) {
                LoginPage.open(browser).signIn(email, "guess number " + attempt);
            }
            LoginPage.open(browser).signIn(email, Shoppers.PASSWORD);
            LoginPage refused = new LoginPage(browser);
            browser.screenshot("login-throttled");
            assertThat(refused.formMessage()).contains("Too many attempts").contains("Try again in");
            assertThat(refused.isSignedIn()).isFalse();
        }
    }

    @Test
    void signingInSendsYouBackToThePageYouWanted() {
        String email = Shoppers.uniqueEmail("returning");
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Returning", email, Shoppers.PASSWORD).signOut();
            browser.driver().get(TestEnvironment.shopUrl() + "account/addresses.xhtml");
            LoginPage login = new LoginPage(browser);
            assertThat(login.currentUrl()).contains("login.xhtml?next=");
            login.signIn(email, Shoppers.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/account/addresses.xhtml");
        }
    }

    @Test
    void theAdministratorSignsInWithTheConfiguredPasswordAndSeesTheWarehouses() {
        try (Browser browser = Browser.open()) {
            LoginPage.open(browser).signIn("admin@mini-amazon.local", TestEnvironment.adminPassword());
            assertThat(ProfilePage.open(browser).roles()).isEqualTo("Customer \u00b7 Administrator");
            ShopPage admin = ShopPage.open(browser, "admin/index.xhtml");
            browser.screenshot("admin-dashboard");
            assertThat(admin.heading()).isEqualTo("Administration");
            assertThat(admin.bodyText()).contains("Durham Central", "(10, 10)", "Greensboro Far West");
            assertThat(admin.bodyText()).contains("Connections", "WORLD", "UPS", "Outbox backlog",
                    "Orders needing attention");
        }
    }

    private static String passwordHashOf(String email) {
        try (var db = ShopDatabase.connect();
                var statement = db.prepareStatement("select password_hash from account where email = ?")) {
            statement.setString(1, email);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
