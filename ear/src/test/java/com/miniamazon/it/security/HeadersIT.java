package com.miniamazon.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.pages.ShopPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.FormClient.Page;
import com.miniamazon.it.support.Shoppers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The response headers that make a browser defend the shop: a Content-Security-Policy that lets only the page's
 * own scripts run, no framing by other sites, no type sniffing, no full URLs in referrers, and no server
 * software versions for a scanner to match against.
 */
class HeadersIT {

    @Test
    void pagesCarryAScriptNoncePolicyAndTheOtherProtectiveHeaders() {
        FormClient visitor = FormClient.visitor();
        Map<String, Page> pages = Map.of(
                "home", visitor.get("index.xhtml"),
                "login", visitor.get("login.xhtml"),
                "not found", visitor.get("product.xhtml?id=987654321"),
                "search", visitor.get("search.xhtml?q=tea"));

        pages.forEach((what, page) -> {
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).as(what).isNotNull().contains("frame-ancestors 'self'").contains("object-src 'none'")
                    .contains("base-uri 'self'").contains("form-action 'self'").containsPattern("script-src 'self' 'nonce-[^']+'");
            assertThat(scriptSources(policy)).as(what + ": inline scripts only by nonce").doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).as(what).isEqualTo("SAMEORIGIN");
            assertThat(page.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
        });
        assertThat(pages.get("not found").status()).isEqualTo(404);
        String homeNonce = nonce(pages.get("home"));
        assertThat(pages.get("home").body()).contains("nonce=\"" + homeNonce + "\"");
        assertThat(nonce(visitor.get("index.xhtml"))).as("a fresh nonce per response").isNotEqualTo(homeNonce);
    }

    @Test
    void apiAnswersAndPicturesMayNotRunOrFrameAnything() {
        FormClient visitor = FormClient.visitor();
        for (Page answer : new Page[] {visitor.get("api/products?q=tea"), visitor.get("api/orders"),
                visitor.get("pictures/1")}) {
            assertThat(answer.header("Content-Security-Policy")).as(answer.path())
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).as(answer.path()).isEqualTo("nosniff");
        }
    }

    @Test
    void pagesAndAnswersWithPersonalDataAreNeverStoredByTheBrowserAndNoOtherSiteMayReadThem() {
        String email = Shoppers.registered("nostore");
        FormClient customer = FormClient.signedIn(email, Shoppers.PASSWORD);
        for (String path : new String[] {"account/profile.xhtml", "orders/history.xhtml", "account/addresses.xhtml",
                "cart.xhtml", "api/orders"}) {
            assertThat(customer.get(path).header("Cache-Control")).as(path).contains("no-store");
        }
        Page crossOrigin = customer.get("api/products?q=tea", Map.of("Origin", "http://evil.example"));
        assertThat(crossOrigin.status()).isEqualTo(200);
        assertThat(crossOrigin.header("Access-Control-Allow-Origin")).as("no CORS for other sites").isNull();
    }

    @Test
    void noResponseNamesTheServerSoftwareOrItsVersion() {
        FormClient visitor = FormClient.visitor();
        for (Page answer : new Page[] {visitor.get("index.xhtml"), visitor.get("no-such-page.xhtml"),
                visitor.get("api/products/1"), visitor.get("api/nothing")}) {
            assertThat(answer.header("X-Powered-By")).as(answer.path()).isNull();
            String server = answer.header("Server");
            assertThat(server == null || !server.matches(".*\\d.*")).as(answer.path() + " Server: " + server).isTrue();
            assertThat(answer.body()).as(answer.path()).doesNotContainIgnoringCase("wildfly")
                    .doesNotContainIgnoringCase("undertow").doesNotContain("Mojarra");
        }
    }

    @Test
    void primeFacesPagesWorkUnderThePolicyWithNothingBlocked() {
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Policy", Shoppers.uniqueEmail("policy"), Shoppers.PASSWORD);
            SearchPage.searchFor(browser, "olive oil").open("Extra Virgin Olive Oil 1 l").addToCart("1").waitForCartCount(1);
            ShopPage.open(browser, "cart.xhtml");
            ShopPage.open(browser, "login.xhtml");
            assertThat(browser.consoleErrors()).as("console errors, CSP violations among them")
                    .noneMatch(message -> message.contains("Content Security Policy"));
        }
    }

    /** The script-src directive of a policy. */
    private static String scriptSources(String policy) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith("script-src")) {
                return directive.strip();
            }
        }
        return "";
    }

    private static String nonce(Page page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("'nonce-([^']+)'")
                .matcher(page.header("Content-Security-Policy"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
