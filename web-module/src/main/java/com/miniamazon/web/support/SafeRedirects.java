package com.miniamazon.web.support;

/**
 * Where a "next" parameter may send a browser: only to a page of this shop. Refuses absolute URLs,
 * protocol-relative ones ({@code //evil.example}) and backslash tricks, so the login page is no open redirect.
 */
public final class SafeRedirects {

    private SafeRedirects() {}

    /** {@code next} when it is a path inside the shop, else {@code fallback}. */
    public static String localPathOr(String next, String fallback) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.contains("\r") || next.contains("\n") || next.contains("://")) {
            return fallback;
        }
        return next;
    }
}
