package com.miniamazon.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.ProductPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search as shoppers use it: typos, partial words, autocomplete, filters, paging, and no dead ends. */
class SearchIT {

    @Test
    void aTypoInTheHeaderBoxStillFindsTheLaptopsAndNothingElse() {
        try (Browser browser = Browser.open()) {
            SearchPage results = ShopPage.open(browser, "").search("labtop");
            browser.screenshot("search-typo");
            assertThat(results.heading()).isEqualTo("Results for \u201clabtop\u201d");
            assertThat(results.resultNames())
                    .containsExactlyInAnyOrder("Laptop 14\" Ultrabook", "Gaming Laptop 16\"", "Laptop Sleeve 15\"");
        }
    }

    @Test
    void searchIsCaseInsensitivePartialAndRanksTheClosestMatchFirst() {
        try (Browser browser = Browser.open()) {
            assertThat(SearchPage.searchFor(browser, "MOUSE").resultNames()).first().isEqualTo("Wireless Mouse");
            assertThat(SearchPage.searchFor(browser, "headfones").resultNames())
                    .contains("Noise-Cancelling Headphones");
            assertThat(SearchPage.searchFor(browser, "cofee").resultNames()).first()
                    .isEqualTo("Arabica Coffee Beans 1 kg");
        }
    }

    @Test
    void theHeaderBoxSuggestsProductsWhileTyping() {
        try (Browser browser = Browser.open()) {
            List<String> suggestions = ShopPage.open(browser, "").suggestionsFor("lapto");
            browser.screenshot("search-autocomplete");
            assertThat(suggestions).contains("Laptop 14\" Ultrabook", "Gaming Laptop 16\"");
        }
    }

    @Test
    void categoryAndPriceFiltersNarrowTheResults() {
        try (Browser browser = Browser.open()) {
            SearchPage electronics = SearchPage.openFor(browser, "search.xhtml?category=electronics");
            assertThat(electronics.matchCountText()).isEqualTo("10 products found");
            SearchPage cheap = electronics.filterByPrice("20", "80");
            browser.screenshot("search-filtered");
            assertThat(cheap.resultNames()).containsExactlyInAnyOrder(
                    "Laptop Sleeve 15\"", "Mechanical Keyboard", "USB-C Charger 65 W");
            assertThat(cheap.currentUrl()).contains("category=electronics").contains("min=20").contains("max=80");
        }
    }

    @Test
    void browsingPagesThroughAllProductsTwelveAtATime() {
        try (Browser browser = Browser.open()) {
            SearchPage all = SearchPage.openFor(browser, "search.xhtml");
            assertThat(all.matchCountText()).isEqualTo("36 products found");
            List<String> first = all.resultNames();
            assertThat(first).hasSize(12);
            all.nextPage();
            assertThat(all.resultNames()).hasSize(12).doesNotContainAnyElementsOf(first);
        }
    }

    @Test
    void aSearchThatFindsNothingShowsRecommendationsInstead() {
        try (Browser browser = Browser.open()) {
            SearchPage none = SearchPage.searchFor(browser, "zzqx submarine");
            browser.screenshot("search-nothing-found");
            assertThat(none.saysNothingMatches()).isTrue();
            assertThat(none.matchCountText()).isEqualTo("0 products found");
            assertThat(none.recommendationNames()).hasSize(8);
        }
    }

    @Test
    void aResultOpensItsProductPageWithPriceSellerAndDescription() {
        try (Browser browser = Browser.open()) {
            ProductPage product = SearchPage.searchFor(browser, "espresso").open("Espresso Machine");
            browser.screenshot("product-page");
            assertThat(product.name()).isEqualTo("Espresso Machine");
            assertThat(product.price()).isEqualTo("$249.00");
            assertThat(product.seller()).isEqualTo("Mini-Amazon Basics");
            assertThat(product.description()).contains("15-bar espresso machine");
            assertThat(product.reviewsText()).contains("No reviews yet");
        }
    }

    @Test
    void anUnknownProductIsAFriendlyNotFoundPage() {
        try (Browser browser = Browser.open()) {
            ShopPage missing = ShopPage.open(browser, "product.xhtml?id=987654");
            assertThat(missing.heading()).isEqualTo("Not found");
            assertThat(missing.bodyText()).doesNotContain("Exception").contains("Back to the shop");
            assertThat(ShopPage.open(browser, "product.xhtml?id=not-a-number").heading()).isEqualTo("Not found");
        }
    }
}
