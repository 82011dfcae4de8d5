package com.miniamazon.accounts;

/**
 * The roles that guard pages and service methods. Every account is a {@code customer}; sellers and
 * administrators have their role in addition. {@code system} is never given to a person: it is the identity
 * in which the store's own background work (the gateway, timers, JMS listeners) calls the internal services.
 */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String SELLER = "seller";
    public static final String ADMIN = "admin";
    public static final String SYSTEM = "system";

    private Roles() {}
}
