package com.miniamazon.web.support;

/**
 * Where a "next" parameter may send a browser: only to a page of this shop. Refuses absolute URLs,
 * protocol-relative ones ({@code //evil.example}), backslash tricks and control characters (a tab between the
 * slashes), so the login page is no open redirect.
 */
public final class SafeRedirects {

    private SafeRedirects() {}

    /** {@code next} when it is a path inside the shop, else {@code fallback}. */
    public static String localPathOr(String next, String fallback) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.contains("://") || hasControlOrSpace(next)) {
            return fallback;
        }
        return next;
    }

    /**
     * Browsers drop tabs and line breaks from a URL before reading it, so "/&#9;/evil.example" becomes the
     * protocol-relative "//evil.example"; control characters and spaces have no place in our paths at all.
     */
    private static boolean hasControlOrSpace(String path) {
        return path.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c));
    }
}
