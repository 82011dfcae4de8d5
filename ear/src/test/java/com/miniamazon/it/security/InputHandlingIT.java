package com.miniamazon.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.ProductPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.FormClient.Page;
import com.miniamazon.it.support.ShopDatabase;
import com.miniamazon.it.support.Shoppers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What visitors type comes back as text, never as markup, and what they put in URLs and forms gets a friendly
 * answer: markup in a product's name, description and reviews and in a reviewer's name shows literally and runs
 * nothing; ids that are not ids are "not found"; oversized fields are refused; no answer shows a stack trace.
 */
class InputHandlingIT {

    private static final String SCRIPT = "<script>window.xssRan='script'</script>";
    private static final String IMAGE = "\"><img src=x onerror=\"window.xssRan='img'\">";

    @Test
    void markupInProductsReviewsAndNamesShowsAsTextAndRunsNothing() {
        String word = "Zqxv" + UUID.randomUUID().toString().substring(0, 6);
        String reviewer = Shoppers.registered("xss", "Reviewer " + IMAGE);
        long productId = ShopDatabase.longValue("insert into product (seller_id, category_id, name, description, price) "
                + "select a.id, (select min(id) from category), ?, ?, 9.99 from account a where a.email = ? returning id",
                word + " Lamp " + SCRIPT, "Bright. " + IMAGE + " " + SCRIPT, "seller@mini-amazon.local");
        ShopDatabase.update("insert into product_review (product_id, author_id, rating, title, body) "
                + "select ?, a.id, 4, ?, ? from account a where a.email = ?", productId, SCRIPT, IMAGE, reviewer);
        try (Browser browser = Browser.open()) {
            ProductPage product = ProductPage.open(browser, productId);
            browser.screenshot("markup-shown-as-text");
            assertThat(product.name()).contains(SCRIPT);
            assertThat(product.description()).contains(IMAGE);
            assertThat(product.reviewsText()).contains(SCRIPT).contains(IMAGE).contains("Reviewer " + IMAGE);
            assertNothingRan(browser);

            SearchPage results = SearchPage.searchFor(browser, word);
            assertThat(results.resultNames()).singleElement().asString().contains(SCRIPT);
            assertNothingRan(browser);

            assertThat(ShopPage.on(browser).suggestionsFor(word)).singleElement().asString().contains(SCRIPT);
            assertNothingRan(browser);
        } finally {
            ShopDatabase.update("update product set active = false where id = ?", productId);
        }
    }

    @Test
    void idsThatAreNotIdsAreNotFoundAndBadFiltersAreIgnored() {
        FormClient customer = FormClient.signedIn(Shoppers.registered("urls"), Shoppers.PASSWORD);
        for (String path : List.of("product.xhtml?id=abc", "product.xhtml?id=-1", "product.xhtml?id=%27%20or%201%3D1",
                "product.xhtml?id=99999999999999999999", "product.xhtml", "orders/order.xhtml?id=abc",
                "orders/order.xhtml?id=0", "no-such-page.xhtml")) {
            Page answer = customer.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.text()).as(path).contains("Not found");
            assertNoTrace(path, answer);
        }
        for (String path : List.of("search.xhtml?min=abc&max=-&sort=BOGUS&category=%3Cb%3E",
                "search.xhtml?q=" + "y".repeat(3_000), "orders/history.xhtml?q=" + "z".repeat(1_000))) {
            Page answer = customer.get(path);
            assertThat(answer.status()).as(path).isLessThan(500);
            assertNoTrace(path, answer);
        }
    }

    @Test
    void anOversizedFieldIsCutToItsLimitOnTheServerWhateverTheBrowserSends() {
        String email = Shoppers.registered("oversized");
        FormClient customer = FormClient.signedIn(email, Shoppers.PASSWORD);
        Page book = customer.get("account/addresses.xhtml");

        Page answer = book.submit("destination",
                Map.of("destination:label", "L".repeat(5_000), "destination:x", "1", "destination:y", "2"),
                "destination:save");

        assertThat(answer.status()).isEqualTo(200);
        assertNoTrace("address with a 5,000-character label", answer);
        // PrimeFaces enforces maxlength on the server too: the label is cut to its 60 characters, never stored whole.
        assertThat(ShopDatabase.longValue("select coalesce(max(length(d.label)), 0) from saved_destination d "
                + "join account a on a.id = d.account_id where a.email = ?", email)).isBetween(1L, 60L);
    }

    private static void assertNothingRan(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return window.xssRan === undefined")).isEqualTo(true);
        assertThat(js.executeScript("return document.querySelectorAll('img[src=\"x\"]').length")).isEqualTo(0L);
    }

    private static void assertNoTrace(String what, Page answer) {
        assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("at com.")
                .doesNotContain("at org.").doesNotContain("at java.");
    }
}
