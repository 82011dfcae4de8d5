package com.miniamazon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsAnyLongEnoughPasswordWithoutCompositionRules() {
        assertThat(PasswordPolicy.problemWith("correct horse 42".toCharArray(), "ada@example.test")).isEmpty();
        assertThat(PasswordPolicy.problemWith("onlyletterslong".toCharArray(), null)).isEmpty();
        assertThat(PasswordPolicy.problemWith("ünïcödé пароль 密码".toCharArray(), null)).isEmpty();
    }

    @Test
    void refusesShortCommonAndEmailPasswords() {
        assertThat(PasswordPolicy.problemWith("short1".toCharArray(), null)).contains("Use at least 12 characters.");
        assertThat(PasswordPolicy.problemWith("elevenchars".toCharArray(), null)).contains("Use at least 12 characters.");
        assertThat(PasswordPolicy.problemWith("Password1234".toCharArray(), null)).get().asString().contains("common");
        assertThat(PasswordPolicy.problemWith("my-lovelace-99".toCharArray(), "lovelace@example.test"))
                .get().asString().contains("email");
        assertThat(PasswordPolicy.problemWith("a1".repeat(65).toCharArray(), null)).contains("Use at most 128 characters.");
    }

    @Test
    void aRunOfSpacesCountsAsOneCharacter() {
        assertThat(PasswordPolicy.problemWith("abc          def".toCharArray(), null)).contains("Use at least 12 characters.");
        assertThat(PasswordPolicy.problemWith("abc def ghi jkl".toCharArray(), null)).isEmpty();
    }
}
