package com.miniamazon.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: long enough to resist guessing, not absurdly long (hashing cost), not one
 * of the passwords every guesser tries first, and not the account's own email. Length matters more than
 * character classes, so only a mix of letters and non-letters is asked for.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> TOO_COMMON = Set.of(
            "password", "password1", "password12", "password123", "1234567890", "0123456789", "qwertyuiop",
            "qwerty1234", "iloveyou12", "letmein123", "welcome123", "abc1234567", "admin12345", "changeme12");

    private PasswordPolicy() {}

    /** Why this password is refused for the account with this email, or empty when it is fine. */
    public static Optional<String> problemWith(char[] password, String email) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        boolean letter = false;
        boolean other = false;
        for (char c : password) {
            if (Character.isLetter(c)) {
                letter = true;
            } else {
                other = true;
            }
        }
        if (!letter || !other) {
            return Optional.of("Mix letters with digits or symbols.");
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
}
