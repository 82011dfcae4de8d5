package com.miniamazon.accounts;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * Email and password sent with a call to the JSON API (HTTP Basic, on every request). Validated like a login,
 * except that a password verified a short while ago is not run through PBKDF2 again
 * ({@link VerifiedApiCredentials}).
 */
public class ApiCallCredential extends UsernamePasswordCredential {

    public ApiCallCredential(String email, String password) {
        super(email, password);
    }
}
