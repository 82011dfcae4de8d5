package com.miniamazon.web.accounts;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in to a web session: kept as a session attribute by {@link ShopAuthenticationMechanism}, which
 * hands it to the container on every request. The roles change when the account does (becoming a seller).
 */
public record SignedIn(String email, Set<String> roles) implements Serializable {

    public SignedIn {
        roles = Set.copyOf(roles);
    }
}
