package com.miniamazon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problemWith("correct horse 42".toCharArray(), "ada@example.test")).isEmpty();
    }

    @Test
    void refusesShortLettersOnlyCommonAndEmailPasswords() {
        assertThat(PasswordPolicy.problemWith("short1".toCharArray(), null)).contains("Use at least 10 characters.");
        assertThat(PasswordPolicy.problemWith("onlyletterslong".toCharArray(), null))
                .contains("Mix letters with digits or symbols.");
        assertThat(PasswordPolicy.problemWith("Password123".toCharArray(), null)).get().asString().contains("common");
        assertThat(PasswordPolicy.problemWith("my-lovelace-99".toCharArray(), "lovelace@example.test"))
                .get().asString().contains("email");
        assertThat(PasswordPolicy.problemWith("a1".repeat(65).toCharArray(), null)).contains("Use at most 128 characters.");
    }
}
