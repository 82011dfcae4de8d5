package com.miniamazon.it.seller;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.CheckoutPage;
import com.miniamazon.it.pages.ListingFormPage;
import com.miniamazon.it.pages.LoginPage;
import com.miniamazon.it.pages.ListingsPage;
import com.miniamazon.it.pages.ProductPage;
import com.miniamazon.it.pages.ProfilePage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.Pictures;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import com.miniamazon.it.support.SimulatedWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer becomes a seller and lists a product with a picture; another customer finds it by a search with a
 * typo and buys it; the seller sees the sale. The product's description holds a script, shown as text.
 */
class SellerJourneyIT {

    @BeforeAll
    static void worldIsRunning() {
        SimulatedWorld.get();
    }

    private static final String SCRIPT = "<script>document.title='pwned'</script>";

    @Test
    void aNewSellerListsAProductThatCustomersFindByASearchWithATypo() throws Exception {
        String sellerEmail = Shoppers.uniqueEmail("seller");
        String productName = "Solar Camping Lantern " + sellerEmail.substring(7, 11);
        long productId;
        try (Browser seller = Browser.open()) {
            RegisterPage.open(seller).register("Lumen & Co", sellerEmail, Shoppers.PASSWORD);
            ProfilePage profile = ProfilePage.open(seller);
            ListingsPage listings = profile.becomeSeller();
            assertThat(listings.growlContaining("You are a seller now")).isNotEmpty();
            assertThat(listings.names()).isEmpty();

            ListingFormPage form = listings.listNewProduct().fillAndSave(productName, "Sports & Outdoors",
                    "Charges in the sun, lights a tent all night. " + SCRIPT, "34.50");
            assertThat(form.growlContaining("Listed")).contains(productName);
            productId = form.productId();

            assertThat(form.uploadPicture(Pictures.textPretendingToBePng())).contains("Upload a PNG, JPEG or WebP");
            assertThat(form.uploadPicture(Pictures.realPng())).contains("Picture saved");
            seller.screenshot("seller-listing-form");
            assertThat(ListingsPage.open(seller).names()).containsExactly(productName);
            seller.screenshot("seller-listings");
        }
        assertThat(ShopDatabase.longValue("select seller_id from product where id = ?", productId))
                .isEqualTo(ShopDatabase.longValue("select id from account where email = ?", sellerEmail));

        HttpResponse<byte[]> picture = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(com.miniamazon.it.support.TestEnvironment.shopUrl()
                        + "pictures/" + productId)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(picture.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(picture.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        try (Browser customer = Browser.open()) {
            RegisterPage.open(customer).register("Camper", Shoppers.uniqueEmail("camper"), Shoppers.PASSWORD);
            SearchPage results = SearchPage.searchFor(customer, "solar lantren");
            assertThat(results.resultNames()).contains(productName);
            ProductPage product = results.open(productName);
            customer.screenshot("xss-description-as-text");
            assertThat(product.description()).contains(SCRIPT);
            assertThat(product.title()).doesNotContain("pwned").contains(productName);
            assertThat(product.seller()).isEqualTo("Lumen & Co");
            assertThat(product.price()).isEqualTo("$34.50");

            product.addToCart("2").waitForCartCount(2);
            CheckoutPage checkout = CheckoutPage.open(customer).deliverTo("-7", "3").placeOrder();
            assertThat(checkout.acknowledgement()).startsWith("Thank you!");
        }
        try (Browser seller = Browser.open()) {
            LoginPage.open(seller).signIn(sellerEmail, Shoppers.PASSWORD);
            ListingsPage listings = ListingsPage.open(seller);
            seller.screenshot("seller-sees-the-sale");
            assertThat(listings.unitsSold(productName)).isEqualTo("2");
            assertThat(listings.revenue(productName)).isEqualTo("$69.00");
        }
    }

    @Test
    void aListingWithBadFieldsIsRefusedWithMessagesNextToTheFields() {
        try (Browser seller = Browser.open()) {
            RegisterPage.open(seller).register("Hasty Seller", Shoppers.uniqueEmail("hasty"), Shoppers.PASSWORD);
            ListingFormPage form = ProfilePage.open(seller).becomeSeller().listNewProduct();
            form.fillAndSave("X", "Grocery", "Too short", "5");
            ListingFormPage again = new ListingFormPage(seller);
            assertThat(again.fieldMessage("listing:name")).contains("3 to 200 characters");
            seller.screenshot("seller-listing-validation");
        }
    }
}
