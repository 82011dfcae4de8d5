package com.miniamazon.accounts;

import java.io.Serializable;
import java.time.Instant;

/**
 * How a login attempt ended: accepted (with the account), rejected (wrong email or password, not told apart),
 * or refused because the account is locked until {@code lockedUntil}.
 */
public record LoginOutcome(Result result, AccountProfile account, Instant lockedUntil) implements Serializable {

    public enum Result { ACCEPTED, REJECTED, LOCKED }

    static LoginOutcome accepted(AccountProfile account) {
        return new LoginOutcome(Result.ACCEPTED, account, null);
    }

    static LoginOutcome rejected() {
        return new LoginOutcome(Result.REJECTED, null, null);
    }

    static LoginOutcome locked(Instant until) {
        return new LoginOutcome(Result.LOCKED, null, until);
    }
}
