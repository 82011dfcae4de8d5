package com.miniamazon.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.AddressBookPage;
import com.miniamazon.it.pages.CheckoutPage;
import com.miniamazon.it.pages.OrderHistoryPage;
import com.miniamazon.it.pages.OrderPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.pages.LoginPage;
import com.miniamazon.it.pages.ProfilePage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.FormClient.Page;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import com.miniamazon.it.support.TestEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Nobody gets at what is not theirs: pages by role, listings by owner, forms only with a valid view state. The
 * seller pages call EJBs that are @RolesAllowed("seller"); that they load for a seller proves the role reached
 * the EJB container, and an EJB refusing a customer proves the check is not only in web.xml.
 */
class AccessControlIT {

    @Test
    void aCustomerOpeningSellerOrAdminPagesIsRefused() {
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Curious", Shoppers.uniqueEmail("curious"), Shoppers.PASSWORD);
            ShopPage seller = ShopPage.open(browser, "seller/listings.xhtml");
            browser.screenshot("forbidden-seller-page");
            assertThat(seller.heading()).isEqualTo("Not allowed");
            assertThat(ShopPage.open(browser, "seller/listing.xhtml?id=1").heading()).isEqualTo("Not allowed");
            assertThat(ShopPage.open(browser, "admin/index.xhtml").heading()).isEqualTo("Not allowed");
        }
    }

    @Test
    void aSellerOpeningAnotherSellersProductForEditingIsRefused() {
        long defaultSellersProduct = ShopDatabase.longValue(
                "select min(p.id) from product p join account a on a.id = p.seller_id where a.email = ?",
                "seller@mini-amazon.local");
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Rival", Shoppers.uniqueEmail("rival"), Shoppers.PASSWORD);
            ProfilePage.open(browser).becomeSeller();
            ShopPage other = ShopPage.open(browser, "seller/listing.xhtml?id=" + defaultSellersProduct);
            browser.screenshot("forbidden-other-sellers-listing");
            assertThat(other.heading()).isEqualTo("Not allowed");
            assertThat(other.bodyText()).doesNotContain("Exception");
        }
        try (Browser owner = Browser.open()) {
            LoginPage.open(owner).signIn("seller@mini-amazon.local", TestEnvironment.defaultSellerPassword());
            ShopPage own = ShopPage.open(owner, "seller/listing.xhtml?id=" + defaultSellersProduct);
            assertThat(own.heading()).isEqualTo("Edit listing");
        }
    }

    @Test
    void aCustomerOpeningAnotherCustomersOrderByUrlFindsNothing() {
        long othersOrder;
        try (Browser owner = Browser.open()) {
            RegisterPage.open(owner).register("Owner", Shoppers.uniqueEmail("owner"), Shoppers.PASSWORD);
            SearchPage.searchFor(owner, "olive oil").open("Extra Virgin Olive Oil 1 l").addToCart("1").waitForCartCount(1);
            othersOrder = CheckoutPage.open(owner).deliverTo("3", "4").placeOrder().orderNumber();
            assertThat(OrderPage.open(owner, othersOrder).status()).isNotBlank();
        }
        try (Browser snoop = Browser.open()) {
            RegisterPage.open(snoop).register("Snoop", Shoppers.uniqueEmail("snoop"), Shoppers.PASSWORD);
            ShopPage refused = ShopPage.open(snoop, "orders/order.xhtml?id=" + othersOrder);
            snoop.screenshot("other-customers-order-refused");
            assertThat(refused.heading()).isEqualTo("Not found");
            assertThat(refused.bodyText()).doesNotContain("Olive Oil").doesNotContain("(3, 4)");
            assertThat(OrderHistoryPage.open(snoop, Long.toString(othersOrder)).orderNumbers()).isEmpty();
        }
    }

    @Test
    void aVisitorIsSentToSignInForCustomerPages() {
        try (Browser browser = Browser.open()) {
            ShopPage page = ShopPage.open(browser, "account/profile.xhtml");
            assertThat(page.currentUrl()).contains("login.xhtml?next=%2Faccount%2Fprofile.xhtml");
        }
    }

    @Test
    void aFormPostWithoutAValidViewStateIsRejectedAndChangesNothing() {
        String email = Shoppers.uniqueEmail("csrf");
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Target", email, Shoppers.PASSWORD);
            AddressBookPage book = AddressBookPage.open(browser);
            // What a forged post looks like to the server: the right fields, but not this session's view state.
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                            + ".forEach(function (i) { i.value = '-4711:forged'; });");
            book.add("Attacker's drop", "1", "2");
            ShopPage answer = ShopPage.on(browser);
            answer.waitForUrlContaining("errors/expired");
            browser.screenshot("forged-post-rejected");
            assertThat(answer.heading()).isEqualTo("Please try again");
        }
        assertThat(ShopDatabase.longValue("select count(*) from saved_destination d join account a "
                + "on a.id = d.account_id where a.email = ?", email)).isZero();
    }

    private static final List<String> CUSTOMER_PAGES = List.of("account/profile.xhtml", "account/addresses.xhtml",
            "orders/history.xhtml", "orders/order.xhtml?id=1", "checkout.xhtml");
    private static final List<String> SELLER_PAGES = List.of("seller/listings.xhtml", "seller/listing.xhtml");
    private static final List<String> ADMIN_PAGES = List.of("admin/index.xhtml");

    @Test
    void everyProtectedPageSendsAVisitorToSignInAndRefusesTheWrongRole() {
        FormClient visitor = FormClient.visitor();
        for (String path : concat(CUSTOMER_PAGES, SELLER_PAGES, ADMIN_PAGES)) {
            Page answer = visitor.get(path);
            assertThat(answer.status()).as(path).isEqualTo(302);
            assertThat(answer.header("Location")).as(path).contains("/login.xhtml?next=");
        }
        FormClient customer = FormClient.signedIn(Shoppers.registered("roles"), Shoppers.PASSWORD);
        assertThat(customer.get("account/profile.xhtml").status()).isEqualTo(200);
        assertThat(customer.get("orders/history.xhtml").status()).isEqualTo(200);
        FormClient seller = FormClient.signedIn("seller@mini-amazon.local", TestEnvironment.defaultSellerPassword());
        assertThat(seller.get("seller/listings.xhtml").status()).isEqualTo(200);
        for (String path : concat(SELLER_PAGES, ADMIN_PAGES)) {
            assertRefused(path, customer.get(path));
        }
        for (String path : ADMIN_PAGES) {
            assertRefused(path, seller.get(path));
        }
    }

    @Test
    void aCrossSitePostWithTheVictimsCookieButNotTheirViewStateChangesNothing() {
        String email = Shoppers.registered("victim");
        FormClient victim = FormClient.signedIn(email, Shoppers.PASSWORD);
        victim.get("account/addresses.xhtml");
        // The attacker's own, valid view state for the same page, from the attacker's own session.
        String attackersViewState = FormClient.signedIn(Shoppers.registered("attacker"), Shoppers.PASSWORD)
                .get("account/addresses.xhtml").viewState();
        Map<String, String> headers = Map.of("Origin", "http://evil.example", "Referer", "http://evil.example/");

        Page withoutViewState = victim.post("account/addresses.xhtml", Map.of("destination", "destination",
                "destination:label", "Attacker drop", "destination:x", "1", "destination:y", "2",
                "destination:save", "destination:save"), headers);
        Page withForeignViewState = victim.post("account/addresses.xhtml", Map.of("destination", "destination",
                "destination:label", "Attacker drop", "destination:x", "1", "destination:y", "2",
                "destination:save", "destination:save", "jakarta.faces.ViewState", attackersViewState), headers);

        assertThat(withoutViewState.status()).as("no view state: the page is only shown").isEqualTo(200);
        assertThat(withForeignViewState.status()).isEqualTo(400);
        assertThat(withForeignViewState.text()).contains("Please try again");
        assertThat(ShopDatabase.longValue("select count(*) from saved_destination d join account a "
                + "on a.id = d.account_id where a.email = ?", email)).isZero();
    }

    /**
     * PrimeFaces checks the page's script nonce only when it renders the answer, after the action ran: it is no
     * CSRF defence (the view state is), but a post without it must still get the friendly page, not an error.
     */
    @Test
    void aPostWithoutThePagesScriptNonceGetsTheFriendlyPageNotAnError() {
        FormClient customer = FormClient.signedIn(Shoppers.registered("nonce"), Shoppers.PASSWORD);
        Page answer = customer.get("account/addresses.xhtml").submitWithoutNonce("destination",
                Map.of("destination:label", "Scripted", "destination:x", "1", "destination:y", "2"), "destination:save");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("Please try again").doesNotContain("Exception");
    }

    private static void assertRefused(String path, Page answer) {
        assertThat(answer.status()).as(path).isEqualTo(403);
        assertThat(answer.text()).as(path).contains("Not allowed").doesNotContain("Exception");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
