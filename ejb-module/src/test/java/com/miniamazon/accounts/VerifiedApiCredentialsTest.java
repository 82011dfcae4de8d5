package com.miniamazon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedApiCredentialsTest {

    private final VerifiedApiCredentials verified = new VerifiedApiCredentials();

    @Test
    void aVerifiedPasswordIsRememberedForItsAccountOnly() {
        Account alice = new Account("alice@example.test", "Alice", "pbkdf2-hash-of-alice");
        Account bob = new Account("bob@example.test", "Bob", "pbkdf2-hash-of-bob");
        assertThat(verified.remembers(alice, "correct horse".toCharArray())).isFalse();

        verified.remember(alice, "correct horse".toCharArray());

        assertThat(verified.remembers(alice, "correct horse".toCharArray())).isTrue();
        assertThat(verified.remembers(alice, "correct horsE".toCharArray())).isFalse();
        assertThat(verified.remembers(alice, "".toCharArray())).isFalse();
        assertThat(verified.remembers(bob, "correct horse".toCharArray())).isFalse();
    }

    @Test
    void aPasswordChangeEndsWhatWasRemembered() {
        Account alice = new Account("alice@example.test", "Alice", "pbkdf2-hash-of-old-password");
        verified.remember(alice, "old password".toCharArray());

        alice.changePasswordHash("pbkdf2-hash-of-new-password", Instant.now());

        assertThat(verified.remembers(alice, "old password".toCharArray())).isFalse();
        assertThat(verified.remembers(alice, "new password".toCharArray())).isFalse();
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i <= VerifiedApiCredentials.MAX_ACCOUNTS; i++) {
            verified.remember(new Account("user" + i + "@example.test", "User", "hash" + i), "secret".toCharArray());
        }
        Account last = new Account("user" + VerifiedApiCredentials.MAX_ACCOUNTS + "@example.test", "User",
                "hash" + VerifiedApiCredentials.MAX_ACCOUNTS);
        assertThat(verified.remembers(last, "secret".toCharArray())).isTrue();
        assertThat(verified.remembers(new Account("user0@example.test", "User", "hash0"), "secret".toCharArray()))
                .as("the full memory was emptied before the last one was added").isFalse();
    }
}
