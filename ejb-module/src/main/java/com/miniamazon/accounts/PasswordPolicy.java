package com.miniamazon.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable (OWASP ASVS 4.0, V2.1): at least 12 characters, counting a run of spaces as
 * one; at most 128 (hashing cost); not one of the passwords every guesser tries first; not containing the
 * account's own email. No composition rules: any character may be used and none is required, since length
 * resists guessing and forced digits or symbols only breed predictable patterns such as "Password1!".
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> TOO_COMMON = Set.of(
            "password1234", "password12345", "123456789012", "1234567890123", "qwertyuiop12", "qwertyuiopas",
            "iloveyou1234", "letmein12345", "welcome12345", "abc123456789", "admin1234567", "changeme1234",
            "passwordpassword", "aaaaaaaaaaaa", "111111111111", "000000000000", "qwerty123456", "1q2w3e4r5t6y");

    private PasswordPolicy() {}

    /** Why this password is refused for the account with this email, or empty when it is fine. */
    public static Optional<String> problemWith(char[] password, String email) {
        if (password == null || lengthWithSpacesCombined(password) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (TOO_COMMON.contains(lower)) {
            return Optional.of("This password is too common; choose another.");
        }
        if (email != null) {
            String localPart = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (localPart.length() >= 4 && lower.contains(localPart)) {
                return Optional.of("The password must not contain your email address.");
            }
        }
        return Optional.empty();
    }

    /** Characters (code points), a run of spaces counting as one: "a          b" is not a long password. */
    private static int lengthWithSpacesCombined(char[] password) {
        int length = 0;
        boolean previousWasSpace = false;
        String text = new String(password);
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            boolean space = Character.isWhitespace(text.codePointAt(i));
            if (!(space && previousWasSpace)) {
                length++;
            }
            previousWasSpace = space;
        }
        return length;
    }
}
