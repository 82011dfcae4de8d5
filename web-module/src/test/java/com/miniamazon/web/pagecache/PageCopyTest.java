package com.miniamazon.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCopyTest {

    private static final String NONCE = "YTQyM2ZiNTktNjFhZS00ZjI1LWEzMWItZGYzOTE0ZWQ1NDU1";
    private static final List<String[]> HEADERS = List.<String[]>of(new String[] {"Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'nonce-" + NONCE + "';"});

    @Test
    void everyAnswerGetsItsOwnNonceInTheHeaderAndEveryScript() {
        PageCopy copy = PageCopy.of("text/html;charset=UTF-8", HEADERS, page("stateless"));
        String first = PageCopy.freshNonce();
        String second = PageCopy.freshNonce();

        assertThat(first).isNotEqualTo(second).isNotEqualTo(NONCE);
        assertThat(UUID.fromString(new String(Base64.getDecoder().decode(first), StandardCharsets.UTF_8)))
                .as("PrimeFaces checks a posted nonce is Base64 of a UUID").isNotNull();
        String body = new String(copy.body(first), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(NONCE).isEqualTo(page("stateless").replace(NONCE, first));
        assertThat(copy.headers(first).get(0)[1]).isEqualTo(HEADERS.get(0)[1].replace(NONCE, first));
        assertThat(new String(copy.body(second), StandardCharsets.UTF_8)).contains("nonce=\"" + second + "\"");
    }

    @Test
    void aPageWithASessionsViewStateIsNeverCopied() {
        assertThat(PageCopy.of("text/html", HEADERS, page("-4711:8179483544444778218"))).isNull();
    }

    @Test
    void aPageWithoutAPolicyIsCopiedAsItIs() {
        String page = "<html><body>Price: $9.99 ünïcödé</body></html>";
        PageCopy copy = PageCopy.of("text/html", List.of(), page);
        assertThat(new String(copy.body(PageCopy.freshNonce()), StandardCharsets.UTF_8)).isEqualTo(page);
        assertThat(copy.size()).isEqualTo(page.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String page(String viewState) {
        return "<html><head><script nonce=\"" + NONCE + "\" src=\"x.js\"></script></head><body>"
                + "<form><input type=\"hidden\" name=\"jakarta.faces.ViewState\" id=\"j_id1:jakarta.faces.ViewState:0\""
                + " value=\"" + viewState + "\" autocomplete=\"off\" /></form>"
                + "<script nonce=\"" + NONCE + "\">PrimeFaces.csp.init('" + NONCE + "');</script></body></html>";
    }
}
