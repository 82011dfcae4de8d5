package com.miniamazon.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, which API passwords were verified, so that a client sending HTTP Basic on every
 * request pays PBKDF2 (a tenth of a second of CPU by design) once, not on every call. The same idea as a caching
 * security realm.
 *
 * <p>What is kept is never the password: an HMAC of it under a key that exists only in this JVM's memory, next
 * to the stored password hash it was checked against. A remembered password counts only while the account still
 * has that same stored hash, so a password change (here or on another node) ends it at once; the account row is
 * read on every call anyway, for its lock and roles. Entries expire after {@link #TIME_TO_LIVE}.
 */
@ApplicationScoped
public class VerifiedApiCredentials {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    /** Bounded: past this many accounts the memory is emptied and refilled by the next verifications. */
    static final int MAX_ACCOUNTS = 10_000;

    private record Verified(String storedHash, byte[] mac, long expiresAtNanos) {}

    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Verified> byAccount = new ConcurrentHashMap<>();

    public VerifiedApiCredentials() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password was verified for the account, against its current stored hash, a short while ago. */
    boolean remembers(Account account, char[] password) {
        Verified verified = byAccount.get(account.getEmail());
        if (verified == null || System.nanoTime() - verified.expiresAtNanos() > 0) {
            return false;
        }
        return verified.storedHash().equals(account.getPasswordHash())
                && MessageDigest.isEqual(verified.mac(), mac(account.getPasswordHash(), password));
    }

    /** Records a password PBKDF2 has just verified for the account. */
    void remember(Account account, char[] password) {
        if (byAccount.size() >= MAX_ACCOUNTS) {
            long now = System.nanoTime();
            byAccount.values().removeIf(v -> now - v.expiresAtNanos() > 0);
            if (byAccount.size() >= MAX_ACCOUNTS) {
                byAccount.clear();
            }
        }
        byAccount.put(account.getEmail(), new Verified(account.getPasswordHash(),
                mac(account.getPasswordHash(), password), System.nanoTime() + TIME_TO_LIVE.toNanos()));
    }

    private byte[] mac(String storedHash, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(bytes.duplicate());
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
