package com.miniamazon.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedPagesTest {

    @Test
    void onlyTheCatalogPagesAreShared() {
        assertThat(SharedPages.isCatalogPage("/")).isTrue();
        assertThat(SharedPages.isCatalogPage("/index.xhtml")).isTrue();
        assertThat(SharedPages.isCatalogPage("/search.xhtml")).isTrue();
        assertThat(SharedPages.isCatalogPage("/product.xhtml")).isTrue();
        for (String personal : new String[] {"/cart.xhtml", "/checkout.xhtml", "/login.xhtml", "/register.xhtml",
                "/account/profile.xhtml", "/orders/history.xhtml", "/seller/listings.xhtml", "/admin/index.xhtml",
                "/product.xhtml/", "/PRODUCT.xhtml", "/api/products"}) {
            assertThat(SharedPages.isCatalogPage(personal)).as(personal).isFalse();
        }
    }

    @Test
    void aPlainGetOrHeadWithNothingPersonalMayShareACopy() {
        assertThat(SharedPages.mayShare("GET", null, false, false, null)).isTrue();
        assertThat(SharedPages.mayShare("GET", "id=12", false, false, null)).isTrue();
        assertThat(SharedPages.mayShare("HEAD", "category=books", false, false, null)).isTrue();
    }

    @Test
    void postsCartsFlashMessagesAndFacesRequestsNeverShareACopy() {
        assertThat(SharedPages.mayShare("POST", "id=12", false, false, null)).isFalse();
        assertThat(SharedPages.mayShare("PUT", null, false, false, null)).isFalse();
        assertThat(SharedPages.mayShare("GET", "id=12", true, false, null)).as("cart in the header").isFalse();
        assertThat(SharedPages.mayShare("GET", "id=12", false, true, null)).as("messages waiting").isFalse();
        assertThat(SharedPages.mayShare("GET", "id=12", false, false, "partial/ajax")).isFalse();
        assertThat(SharedPages.mayShare("GET", "id=12&jakarta.faces.ViewState=stateless", false, false, null))
                .as("a GET postback").isFalse();
        assertThat(SharedPages.mayShare("GET", "javax.faces.ViewState=1", false, false, null)).isFalse();
        assertThat(SharedPages.mayShare("GET", "primefaces.nonce=x", false, false, null)).isFalse();
    }

    @Test
    void aPostFromTheShopItselfOrFromNoBrowserIsNotCrossSite() {
        assertThat(SharedPages.isCrossSitePost("same-origin", "http://shop.example", "shop.example")).isFalse();
        assertThat(SharedPages.isCrossSitePost(null, "http://127.0.0.1:8080", "127.0.0.1:8080")).isFalse();
        assertThat(SharedPages.isCrossSitePost(null, "https://SHOP.example", "shop.example")).isFalse();
        assertThat(SharedPages.isCrossSitePost("none", null, "shop.example")).as("typed by the user").isFalse();
        assertThat(SharedPages.isCrossSitePost(null, null, "shop.example")).as("no browser").isFalse();
    }

    @Test
    void aPostAnotherSiteMadeIsCrossSite() {
        assertThat(SharedPages.isCrossSitePost("cross-site", null, "shop.example")).isTrue();
        assertThat(SharedPages.isCrossSitePost("same-site", "http://evil.shop.example", "shop.example")).isTrue();
        assertThat(SharedPages.isCrossSitePost(null, "http://evil.example", "shop.example")).isTrue();
        assertThat(SharedPages.isCrossSitePost(null, "http://shop.example:8081", "shop.example:8080")).isTrue();
        assertThat(SharedPages.isCrossSitePost(null, "null", "shop.example")).as("opaque origin").isTrue();
        assertThat(SharedPages.isCrossSitePost(null, "http://[bad", "shop.example")).isTrue();
        assertThat(SharedPages.isCrossSitePost(null, "http://shop.example", null)).isTrue();
    }
}
