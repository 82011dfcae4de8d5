package com.miniamazon.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.it.support.FormClient;
import com.miniamazon.it.support.FormClient.Page;
import com.miniamazon.it.support.Shoppers;
import com.miniamazon.it.support.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sign-in tells a guesser nothing about which emails have accounts, even once it pauses; and every security
 * event leaves an audit line with the user and the address it came from, but never a password.
 */
class AuthenticationIT {

    private static final Pattern MESSAGE = Pattern.compile("ui-messages-error-detail\">([^<]*)<");

    @Test
    void theLoginPageAnswersAnUnknownEmailExactlyAsAWrongPasswordAlsoOnceSignInPauses() {
        String known = Shoppers.registered("known");
        String unknown = Shoppers.uniqueEmail("unknown");

        assertThat(failedSignIn(unknown)).isEqualTo(failedSignIn(known)).contains("email or password is wrong");
        for (int attempt = 2; attempt <= 5; attempt++) {
            assertThat(failedSignIn(unknown)).as("attempt %d", attempt).isEqualTo(failedSignIn(known));
        }
        String knownPaused = failedSignIn(known);
        String unknownPaused = failedSignIn(unknown);
        assertThat(knownPaused).contains("paused");
        assertThat(unknownPaused).isEqualTo(knownPaused);
    }

    @Test
    void securityEventsAreLoggedWithUserAndAddressButNeverThePassword() {
        String email = Shoppers.registered("audit");
        String wrongPassword = "wrong-" + UUID.randomUUID();
        String wrongCurrent = "current-" + UUID.randomUUID();

        FormClient.visitor().signIn(email, wrongPassword);
        FormClient customer = FormClient.signedIn(email, Shoppers.PASSWORD);
        assertThat(customer.get("admin/index.xhtml").status()).isEqualTo(403);
        customer.get("account/profile.xhtml").submit("password", Map.of("password:currentPassword", wrongCurrent,
                "password:newPassword", "another pass 77", "password:newPasswordAgain", "another pass 77"), "password:change");
        customer.get("index.xhtml").submit("signOutForm", Map.of(), "signOutForm:signOut");

        String user = "user=" + email + " ip=127.0.0.1";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(serverLog())
                .contains("event=login-failed " + user + " via=form")
                .contains("event=login-succeeded " + user + " via=form")
                .contains("event=access-denied " + user + " target=/admin/index.xhtml")
                .contains("event=password-change-refused " + user + " field=currentPassword")
                .contains("event=logout " + user));
        assertThat(serverLog()).doesNotContain(wrongPassword).doesNotContain(wrongCurrent)
                .doesNotContain(Shoppers.PASSWORD);
    }

    @Test
    void aThrottledSignInIsLoggedAsSuch() {
        String email = Shoppers.registered("throttled");
        for (int attempt = 1; attempt <= 6; attempt++) {
            FormClient.visitor().signIn(email, "not it " + attempt);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(serverLog())
                .contains("event=login-throttled user=" + email + " ip=127.0.0.1 via=form"));
    }

    @Test
    void aSignInLinkCannotSendTheShopperToAnotherSite() {
        String email = Shoppers.registered("redirect");
        for (String next : new String[] {"%2F%09%2Fevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example",
                "%2F%5Cevil.example"}) {
            FormClient shopper = FormClient.visitor();
            Page signedIn = shopper.get("login.xhtml?next=" + next).submit("login",
                    Map.of("login:email", email, "login:password", Shoppers.PASSWORD), "login:signIn");
            assertThat(signedIn.status()).as(next).isEqualTo(302);
            assertThat(signedIn.header("Location")).as(next).endsWith("/index.xhtml");
        }
        Page wanted = FormClient.visitor().get("login.xhtml?next=%2Faccount%2Faddresses.xhtml").submit("login",
                Map.of("login:email", email, "login:password", Shoppers.PASSWORD), "login:signIn");
        assertThat(wanted.header("Location")).endsWith("/account/addresses.xhtml");
    }

    /** The message the login page shows after a failed sign-in with this email and a wrong password. */
    private static String failedSignIn(String email) {
        Page answer = FormClient.visitor().signIn(email, "wrong password 1");
        assertThat(answer.status()).isEqualTo(200);
        Matcher message = MESSAGE.matcher(answer.body());
        assertThat(message.find()).as("an error message on the login page").isTrue();
        return message.group(1);
    }

    private static String serverLog() {
        Path log = TestEnvironment.wildflyHome().resolve("standalone/log/server.log");
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
