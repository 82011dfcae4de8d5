package com.miniamazon.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeRedirectsTest {

    @Test
    void onlyPathsInsideTheShopAreFollowed() {
        assertThat(SafeRedirects.localPathOr("/account/profile.xhtml", "/index.xhtml")).isEqualTo("/account/profile.xhtml");
        assertThat(SafeRedirects.localPathOr("https://evil.example/", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("//evil.example/", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("/\\evil.example", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("/x\r\nSet-Cookie: a=b", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr(null, "/index.xhtml")).isEqualTo("/index.xhtml");
    }

    @Test
    void aTabOrOtherInvisibleCharacterBetweenTheSlashesIsNoWayOut() {
        // Browsers strip tabs and line breaks from URLs: "/\t/evil.example" would open //evil.example.
        assertThat(SafeRedirects.localPathOr("/\t/evil.example", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("/\n/evil.example", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("/ /evil.example", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("/\u0000/evil.example", "/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SafeRedirects.localPathOr("/search.xhtml?q=tea&sort=PRICE", "/index.xhtml"))
                .isEqualTo("/search.xhtml?q=tea&sort=PRICE");
    }
}
