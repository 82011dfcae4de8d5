package com.miniamazon.accounts;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** What a page shows of an account: read-only, never the password hash. */
public record AccountProfile(
        long id, String email, String displayName, boolean seller, boolean admin, Instant memberSince)
        implements Serializable {

    static AccountProfile of(Account account) {
        return new AccountProfile(account.getId(), account.getEmail(), account.getDisplayName(), account.isSeller(),
                account.isAdmin(), account.getCreatedAt());
    }

    /** The day the account was opened (UTC), for display. */
    public LocalDate memberSinceDay() {
        return LocalDate.ofInstant(memberSince, ZoneOffset.UTC);
    }

    public Set<String> roles() {
        return Roles.of(seller, admin);
    }
}
