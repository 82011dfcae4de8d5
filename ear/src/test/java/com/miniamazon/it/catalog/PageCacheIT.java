package com.miniamazon.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.pages.CartPage;
import com.miniamazon.it.pages.ListingFormPage;
import com.miniamazon.it.pages.ListingsPage;
import com.miniamazon.it.pages.LoginPage;
import com.miniamazon.it.pages.ProductPage;
import com.miniamazon.it.pages.ProfilePage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.FormClient.Page;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared copies of catalog pages for visitors (server default: 5 seconds). Visitors see a seller's change as
 * soon as it is saved; nothing of a signed-in customer reaches a visitor's page, nor the other way round; a
 * visitor who got a shared copy can still buy from it; another site cannot post to it.
 */
class PageCacheIT {

    private static String sellerEmail;
    private static String productName;
    private static long productId;

    @BeforeAll
    static void aSellerListsAProduct() {
        sellerEmail = Shoppers.uniqueEmail("cacheseller");
        productName = "Cast Iron Skillet " + sellerEmail.substring(12, 16);
        try (Browser seller = Browser.open()) {
            RegisterPage.open(seller).register("Forge & Pan", sellerEmail, Shoppers.PASSWORD);
            ProfilePage.open(seller).becomeSeller();
            productId = ListingsPage.open(seller).listNewProduct()
                    .fillAndSave(productName, "Home & Kitchen", "Pre-seasoned, 26 cm.", "39.00").productId();
        }
    }

    private static String productPath() {
        return "product.xhtml?id=" + productId;
    }

    /**
     * The product page under an address of its own (the page ignores the extra parameter), so that its shared
     * copy is the one this test makes, not one another test made a few seconds earlier.
     */
    private static String ownAddress() {
        return productPath() + "&visit=" + UUID.randomUUID();
    }

    @Test
    void aVisitorSeesASellersNewPriceAsSoonAsItIsSaved() {
        ShopDatabase.update("update product set description = 'Pre-seasoned, 26 cm.' where id = ?", productId);
        FormClient visitor = FormClient.visitor();
        String address = ownAddress();
        assertThat(visitor.get(address).text()).contains("$39.00");
        // A change behind the shop's back is not announced: visitors keep getting the shared copy for a while,
        // which shows the copy is there, and then the page as it is now.
        ShopDatabase.update("update product set description = 'Pre-seasoned, 28 cm.' where id = ?", productId);
        assertThat(visitor.get(address).text()).contains("26 cm").doesNotContain("28 cm");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> visitor.get(address).text().contains("28 cm"));
        assertThat(visitor.get("search.xhtml?q=" + productName.replace(' ', '+')).text()).contains("$39.00");

        try (Browser seller = Browser.open()) {
            LoginPage.open(seller).signIn(sellerEmail, Shoppers.PASSWORD);
            ListingFormPage.openFor(seller, productId);
            new ListingFormPage(seller).fillAndSave(productName, "Home & Kitchen", "Pre-seasoned, 28 cm.", "34.50");
        }

        assertThat(ShopDatabase.longValue("select (price * 100)::bigint from product where id = ?", productId))
                .as("the price saved").isEqualTo(3450);
        // At once, with no waiting: the save retired every copy that showed the old price.
        assertThat(visitor.get(productPath()).text()).contains("$34.50").doesNotContain("$39.00");
        assertThat(FormClient.visitor().get("search.xhtml?q=" + productName.replace(' ', '+')).text())
                .contains("$34.50").doesNotContain("$39.00");
    }

    @Test
    void aSignedInCustomersPageNeverReachesAVisitorNorTheOtherWayRound() {
        String email = Shoppers.registered("cachecustomer", "Penelope Private");
        FormClient visitor = FormClient.visitor();
        Page before = visitor.get(productPath());
        assertThat(before.text()).contains("Sign in").doesNotContain("Sign out");

        try (Browser browser = Browser.open()) {
            LoginPage.open(browser).signIn(email, Shoppers.PASSWORD);
            ProductPage product = ProductPage.open(browser, productId);
            assertThat(product.isSignedIn()).as("the customer's own page, not the visitors' copy").isTrue();
            product.addToCart("3").waitForCartCount(3);
            ProductPage again = ProductPage.open(browser, productId);
            assertThat(again.isSignedIn()).isTrue();
            assertThat(again.cartCount()).isEqualTo(3);
        }
        FormClient customer = FormClient.signedIn(email, Shoppers.PASSWORD);
        Page own = customer.get(productPath());
        assertThat(own.body()).contains(email).contains("Sign out");
        assertThat(own.viewState()).as("signed-in pages keep their session's view state").isNotEqualTo("stateless");

        for (Page shared : new Page[] {visitor.get(productPath()), FormClient.visitor().get(productPath()),
                FormClient.visitor().get("search.xhtml?q=" + productName.replace(' ', '+'))}) {
            assertThat(shared.body()).doesNotContain(email).doesNotContain("Penelope").doesNotContain("Sign out")
                    .doesNotContain("id=\"cartCount\"");
            assertThat(shared.viewState()).isEqualTo("stateless");
            assertThat(shared.headers("Set-Cookie")).as("no session for a visitor who only looks").isEmpty();
        }
    }

    @Test
    void aVisitorAddsToTheCartFromTheSharedCopyOfAProductPage() {
        String address = ownAddress();
        try (Browser browser = Browser.open()) {
            String before = FormClient.visitor().get(address).text();
            ShopDatabase.update("update product set description = ? where id = ?",
                    "Shared copy " + UUID.randomUUID(), productId);
            ShopPage.open(browser, address);
            ProductPage product = new ProductPage(browser);
            assertThat(before).contains(product.description());
            assertThat(product.description()).as("the shared copy").doesNotContain("Shared copy");
            product.addToCart("2");
            assertThat(product.growlContaining("Added to your cart")).contains("2 \u00d7 " + productName);
            product.waitForCartCount(2);
            product.addToCart("1").waitForCartCount(3);
            browser.screenshot("add-to-cart-from-shared-copy");

            assertThat(ProductPage.open(browser, productId).cartCount()).as("their own page now").isEqualTo(3);
            assertThat(CartPage.open(browser).productNames()).containsExactly(productName);
        }
        assertThat(FormClient.visitor().get(productPath()).body()).doesNotContain("id=\"cartCount\"");
    }

    @Test
    void anotherSiteCannotPostToASharedPageAndAnOldFormOfAVisitorIsAnsweredAsExpiredOnceSignedIn() {
        FormClient visitor = FormClient.visitor();
        Page product = visitor.get(productPath());
        Map<String, String> buy = Map.of("buy", "buy", "id", Long.toString(productId), "buy:quantity", "5",
                "buy:addToCart", "buy:addToCart", "jakarta.faces.ViewState", "stateless",
                "primefaces.nonce", product.nonce());

        Page crossSite = visitor.post(productPath(), buy, Map.of("Origin", "http://evil.example"));
        Page fetchMetadata = visitor.post(productPath(), buy, Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(fetchMetadata.status()).isEqualTo(403);
        assertThat(visitor.get(productPath()).body()).as("nothing was put in a cart").doesNotContain("id=\"cartCount\"");

        String email = Shoppers.registered("cacheoldform");
        visitor.signIn(email, Shoppers.PASSWORD);
        Page oldForm = visitor.post(productPath(), buy, Map.of());
        assertThat(oldForm.status()).isEqualTo(400);
        assertThat(oldForm.text()).contains("Please try again");
        assertThat(ShopDatabase.longValue("select count(*) from cart_line l join account a on a.id = l.account_id "
                + "where a.email = ?", email)).isZero();
    }
}
