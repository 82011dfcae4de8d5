package com.miniamazon.web.pagecache;

import com.miniamazon.catalog.CatalogVersion;
import com.miniamazon.web.accounts.ShopAuthenticationMechanism;
import com.miniamazon.web.cart.ShoppingCart;
import com.miniamazon.web.support.SecurityEvents;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * In front of Faces for the catalog pages (see {@link SharedPages} for the rules): marks an anonymous visitor's
 * catalog view stateless, refuses a cross-site post to one, and answers a shareable GET or HEAD from the
 * {@link PageCache} when it holds a current copy, else renders the page and keeps a copy of it. A signed-in
 * user's post of a stateless form (a page from before signing in) is answered as an expired form.
 *
 * <p>A copy is made only of a 200 page that set no cookie (not even a new session's), carried no session-bound
 * view state and was rendered while the catalog's version stamp stood still. It is sent with the headers the
 * page had, a fresh script nonce in place of the old one; the container's own headers (undertow-handlers.conf)
 * are added around this filter on every answer, cached or not.
 */
@WebFilter(urlPatterns = "/*")
public class PageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PageCacheFilter.class);

    @Inject
    private PageCache cache;

    @Inject
    private CatalogVersion catalogVersion;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!SharedPages.isCatalogPage(path)) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if (request.getUserPrincipal() != null || ShopAuthenticationMechanism.isSignedIn(request.getSession(false))) {
            if ("POST".equals(method) && "stateless".equals(request.getParameter("jakarta.faces.ViewState"))) {
                // A page from before signing in: signed-in users' forms must carry their session's view state, and
                // Faces would refuse to restore this one with an error; answer as for any expired form.
                expired(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(SharedPages.STATELESS_VIEW, Boolean.TRUE);
        if ("POST".equals(method)) {
            if (SharedPages.isCrossSitePost(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                    request.getHeader("Host"))) {
                SecurityEvents.crossSitePostRefused(request);
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (!cache.isEnabled() || !SharedPages.mayShare(method, request.getQueryString(),
                ShoppingCart.hasVisitorLines(session), hasFlashCookie(request), request.getHeader("Faces-Request"))) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        long version = catalogVersion.current();
        PageCache.Lookup lookup;
        try {
            lookup = cache.lookUp(key, version);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting for " + key, interrupted);
        }
        if (lookup instanceof PageCache.Send send) {
            send(send.copy(), response, "HEAD".equals(method));
            return;
        }
        PageCache.Render render = (PageCache.Render) lookup;
        try {
            CapturingResponse capturing = new CapturingResponse(response, cache.largestPage());
            chain.doFilter(request, capturing);
            boolean newSession = session == null && request.getSession(false) != null;
            if ("GET".equals(method) && !newSession && catalogVersion.current() == version) {
                PageCopy made = capturing.copy();
                if (made != null) {
                    cache.keep(key, version, made);
                } else {
                    LOG.debugf("No shareable copy of %s", key);
                }
            }
        } finally {
            cache.rendered(render);
        }
    }

    private static void send(PageCopy copy, HttpServletResponse response, boolean headOnly) throws IOException {
        String nonce = PageCopy.freshNonce();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(copy.contentType());
        for (String[] header : copy.headers(nonce)) {
            if (!"Content-Type".equalsIgnoreCase(header[0])) {
                response.addHeader(header[0], header[1]);
            }
        }
        byte[] body = copy.body(nonce);
        response.setContentLength(body.length);
        if (!headOnly) {
            response.getOutputStream().write(body);
        }
    }

    private static void expired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax request cannot show an error page; Faces clients follow this redirect.
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getContextPath() + "/errors/expired.xhtml\"/></partial-response>");
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static boolean hasFlashCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SharedPages.FLASH_COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
