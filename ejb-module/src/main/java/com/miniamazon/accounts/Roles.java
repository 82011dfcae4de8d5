package com.miniamazon.accounts;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles that guard pages ({@code web.xml}) and services ({@code @RolesAllowed}). Every account is a
 * customer; the account's flags add seller and admin. {@code system} is never given to a person: it is the
 * identity in which the store's own background work (the gateway, timers, JMS listeners) and the services
 * that act on a customer's behalf ({@code @RunAs}) call the internal services.
 */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String SELLER = "seller";
    public static final String ADMIN = "admin";
    public static final String SYSTEM = "system";

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
