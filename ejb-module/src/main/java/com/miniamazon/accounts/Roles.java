package com.miniamazon.accounts;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The three roles of the store, as pages ({@code web.xml}) and services ({@code @RolesAllowed}) name them. Every
 * account is a customer; the account's flags add seller and admin.
 */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String SELLER = "seller";
    public static final String ADMIN = "admin";

    private Roles() {}

    /** The roles an account with these flags holds, customer first. */
    public static Set<String> of(boolean seller, boolean admin) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(CUSTOMER);
        if (seller) {
            roles.add(SELLER);
        }
        if (admin) {
            roles.add(ADMIN);
        }
        return Set.copyOf(roles);
    }
}
