package com.miniamazon.web.pagecache;

import java.net.URI;
import java.util.Set;

/**
 * The rules for which requests are rendered as stateless views and which may share a cached copy. Pure
 * functions of the request's parts, so that they can be tested on their own.
 *
 * <ul>
 *   <li>The catalog pages (home, search and browse, product) are rendered as <em>stateless</em> views for every
 *       anonymous visitor: their forms carry no view state tied to a session, so one copy of the page works for
 *       everyone. Signed-in users get stateful views (the server-side view state is their CSRF protection).</li>
 *   <li>A <em>shared</em> copy is made and served only for GET and HEAD of those pages, from a visitor whose page
 *       shows nothing of their own: not signed in, no lines in their cart (the header shows the count), no flash
 *       messages waiting, and no Faces request parameters in the URL.</li>
 *   <li>A form post to a stateless view carries no secret, so it must come from the shop's own pages: a browser's
 *       {@code Sec-Fetch-Site} or {@code Origin} naming another site is refused (on top of the session cookie's
 *       {@code SameSite=Lax}, which keeps a cross-site post out of the visitor's session anyway).</li>
 * </ul>
 */
public final class SharedPages {

    /** Request attribute the template reads for {@code <f:view transient>}. */
    public static final String STATELESS_VIEW = "miniamazon.statelessView";

    /** The cookie Mojarra's flash rides on: messages kept for the next page (say, after a redirect). */
    static final String FLASH_COOKIE = "csfcfc";

    private static final Set<String> CATALOG_PATHS = Set.of("/", "/index.xhtml", "/search.xhtml", "/product.xhtml");

    private SharedPages() {}

    /** Whether a path (inside the application) is one of the public catalog pages. */
    public static boolean isCatalogPage(String path) {
        return CATALOG_PATHS.contains(path);
    }

    /**
     * Whether a GET or HEAD of a catalog page by an anonymous visitor may be answered with, or kept as, the
     * shared copy.
     *
     * @param method the HTTP method
     * @param query the raw query string, or null
     * @param visitorHasCartLines whether the visitor's session holds cart lines
     * @param hasFlashCookie whether the request carries the Faces flash cookie
     * @param facesRequestHeader the {@code Faces-Request} header, or null
     */
    public static boolean mayShare(String method, String query, boolean visitorHasCartLines, boolean hasFlashCookie,
            String facesRequestHeader) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (visitorHasCartLines || hasFlashCookie || facesRequestHeader != null) {
            return false;
        }
        // A GET carrying a view state is a postback to Faces; nor may anything else of Faces' own ride along.
        return query == null || !(query.contains("jakarta.faces.") || query.contains("javax.faces.")
                || query.contains("primefaces."));
    }

    /**
     * Whether a form post comes from another site, by the headers browsers add to it. A request with neither
     * header does not come from a current browser (every one sends {@code Origin} with a post), so a page
     * cannot have forged it.
     *
     * @param fetchSite the {@code Sec-Fetch-Site} header, or null
     * @param origin the {@code Origin} header, or null
     * @param host the {@code Host} header the request was sent to
     */
    public static boolean isCrossSitePost(String fetchSite, String origin, String host) {
        if (fetchSite != null && !"same-origin".equals(fetchSite) && !"none".equals(fetchSite)) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        if (host == null || "null".equals(origin)) {
            return true;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAUri) {
            return true;
        }
    }
}
