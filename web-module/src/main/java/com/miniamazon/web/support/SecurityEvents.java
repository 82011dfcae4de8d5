package com.miniamazon.web.support;

import jakarta.servlet.http.HttpServletRequest;
import org.jboss.logging.Logger;

/**
 * The security audit trail: one line per sign-in, failed sign-in, throttled sign-in, sign-out, refused access
 * and password change, under the logger {@code com.miniamazon.security}, each as {@code event=… user=… ip=…}
 * plus details. A password never reaches this class; user names typed by visitors are cut short and stripped of
 * control characters, so a crafted one cannot forge log lines.
 */
public final class SecurityEvents {

    private static final Logger LOG = Logger.getLogger("com.miniamazon.security");

    private SecurityEvents() {}

    public static void signedIn(HttpServletRequest request, String user, String via) {
        LOG.infof("event=login-succeeded user=%s ip=%s via=%s", clean(user), ip(request), via);
    }

    /** An API call's Basic credentials were accepted: every call signs in, so this is kept at debug level. */
    public static void apiCallAuthenticated(HttpServletRequest request, String user) {
        LOG.debugf("event=login-succeeded user=%s ip=%s via=api", clean(user), ip(request));
    }

    /** A wrong email or password ({@code locked} false), or an attempt refused while sign-in is paused. */
    public static void signInFailed(HttpServletRequest request, String user, String via, boolean locked) {
        LOG.warnf("event=%s user=%s ip=%s via=%s", locked ? "login-throttled" : "login-failed", clean(user),
                ip(request), via);
    }

    public static void signedOut(HttpServletRequest request, String user) {
        LOG.infof("event=logout user=%s ip=%s", clean(user), ip(request));
    }

    public static void accessDenied(HttpServletRequest request, String user, String what) {
        LOG.warnf("event=access-denied user=%s ip=%s target=%s", clean(user), ip(request), clean(what));
    }

    public static void passwordChanged(HttpServletRequest request, String user) {
        LOG.infof("event=password-changed user=%s ip=%s", clean(user), ip(request));
    }

    public static void passwordChangeRefused(HttpServletRequest request, String user, String field) {
        LOG.warnf("event=password-change-refused user=%s ip=%s field=%s", clean(user), ip(request), field);
    }

    /** A form post to a catalog page that a browser said came from another site (Origin, Sec-Fetch-Site). */
    public static void crossSitePostRefused(HttpServletRequest request) {
        LOG.warnf("event=access-denied user=- ip=%s target=%s origin=%s", ip(request), clean(request.getRequestURI()),
                clean(request.getHeader("Origin")));
    }

    private static String ip(HttpServletRequest request) {
        return request == null ? "-" : request.getRemoteAddr();
    }

    /** Printable, at most 120 characters, "-" for nobody. */
    static String clean(String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) || Character.isWhitespace(c) ? '_' : c)
                .limit(120)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return text.codePointCount(0, text.length()) > 120 ? printable + "…" : printable;
    }
}
