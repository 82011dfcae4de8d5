package com.miniamazon.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.FormClient.Page;
import com.miniamazon.it.support.Shoppers;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The session cookie, as a program holding it sees it: a new id at sign-in (a planted id stays anonymous), no
 * session left on the server after sign-out, the cookie's flags, and never an id in a URL.
 */
class SessionIT {

    @Test
    void signingInIssuesANewSessionIdSoAPlantedOneStaysAnonymous() {
        String email = Shoppers.registered("fixation");
        FormClient victim = FormClient.visitor();
        Page login = victim.get("login.xhtml");
        String planted = victim.sessionId().orElseThrow();

        Page signedIn = login.submit("login", Map.of("login:email", email, "login:password", Shoppers.PASSWORD),
                "login:signIn");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(victim.sessionId()).isPresent().get().isNotEqualTo(planted);
        assertThat(victim.get("account/profile.xhtml").body()).contains(email);
        Page attacker = FormClient.visitor().withSessionId(planted).get("account/profile.xhtml");
        assertThat(attacker.status()).isEqualTo(302);
        assertThat(attacker.header("Location")).contains("login.xhtml");
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotJustInTheBrowser() {
        String email = Shoppers.registered("signout");
        FormClient client = FormClient.signedIn(email, Shoppers.PASSWORD);
        String session = client.sessionId().orElseThrow();
        assertThat(FormClient.visitor().withSessionId(session).get("account/profile.xhtml").status()).isEqualTo(200);

        Page signedOut = client.get("index.xhtml").submit("signOutForm", Map.of(), "signOutForm:signOut");

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).contains("signedOut=true");
        Page replayed = FormClient.visitor().withSessionId(session).get("account/profile.xhtml");
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.header("Location")).contains("login.xhtml");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndTheIdIsNeverPutInAUrl() {
        FormClient visitor = FormClient.visitor();
        Page login = visitor.get("login.xhtml");

        String cookie = login.sessionCookieHeader().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).as("no Secure flag over plain HTTP").doesNotContainIgnoringCase("secure");
        assertThat(login.body()).doesNotContainIgnoringCase("jsessionid");
        Page protectedPage = visitor.get("orders/history.xhtml");
        assertThat(protectedPage.header("Location")).contains("login.xhtml").doesNotContainIgnoringCase("jsessionid");
        assertThat(visitor.get("index.xhtml").body()).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndBrowsersAreToldToStayOnHttps() throws Exception {
        int httpsPort = 8443 + Integer.getInteger("wildfly.port.offset", 0);
        HttpsURLConnection https = (HttpsURLConnection)
                URI.create("https://127.0.0.1:" + httpsPort + "/login.xhtml").toURL().openConnection();
        // The test server's certificate is WildFly's generated, self-signed one: trusted here, on loopback only.
        https.setSSLSocketFactory(trustingEveryCertificate().getSocketFactory());
        https.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
        https.setInstanceFollowRedirects(false);
        try {
            assertThat(https.getResponseCode()).isEqualTo(200);
            List<String> cookies = https.getHeaderFields().getOrDefault("Set-Cookie", List.of());
            assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().containsIgnoringCase("; secure").containsIgnoringCase("HttpOnly");
            assertThat(https.getHeaderField("Strict-Transport-Security")).startsWith("max-age=");
        } finally {
            https.disconnect();
        }
        assertThat(FormClient.visitor().get("login.xhtml").header("Strict-Transport-Security"))
                .as("not sent over plain HTTP, where it means nothing").isNull();
    }

    private static SSLContext trustingEveryCertificate() throws GeneralSecurityException, IOException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
