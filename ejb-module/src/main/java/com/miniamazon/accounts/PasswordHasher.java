package com.miniamazon.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Salted PBKDF2 hashes in the Jakarta Security format ({@code algorithm:iterations:salt:hash}). The stored hash
 * names its own parameters, so raising the cost later still verifies old hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    // OWASP's figure for PBKDF2-HMAC-SHA512; about a tenth of a second per login on the project's machine.
    private static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    /** Verified against when the email is unknown, so that a wrong email takes as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(PARAMETERS);
        decoy = pbkdf2.generate("decoy password that matches nothing".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** Whether the password matches; never for an account without a password. */
    public boolean matches(char[] password, String storedHash) {
        if (storedHash == null || Account.NO_PASSWORD.equals(storedHash)) {
            pbkdf2.verify(password, decoy);
            return false;
        }
        return pbkdf2.verify(password, storedHash);
    }

    /** Spends the time of one verification, for a login whose email matched no account. */
    public void spendVerificationTime(char[] password) {
        pbkdf2.verify(password, decoy);
    }
}
