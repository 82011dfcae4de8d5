package com.miniamazon.web.accounts;

import com.miniamazon.accounts.AccountService;
import com.miniamazon.accounts.ApiCallCredential;
import com.miniamazon.web.support.SecurityEvents;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The shop's form login, as a Jakarta Security mechanism the container calls on every request:
 *
 * <ul>
 *   <li>a credential passed by the login page ({@code SecurityContext.authenticate}) is checked by the
 *       identity stores (ours is {@code com.miniamazon.accounts.AccountIdentityStore}: password, throttling); on
 *       success the session id changes (no fixation) and the {@link SignedIn} account is kept in the session;</li>
 *   <li>a request in a session with a {@link SignedIn} account is that account, with its roles;</li>
 *   <li>an anonymous request for a protected page is sent to the login page, with the page to return to;</li>
 *   <li>a call to the JSON API under {@code /api/} authenticates itself with HTTP Basic on every request, against
 *       the same identity stores (and the same throttling), without a session; wrong credentials get 401. A
 *       password verified a short while ago is not run through PBKDF2 again ({@code VerifiedApiCredentials}).</li>
 * </ul>
 *
 * The identity reaches EJBs through WildFly's Elytron domain (see wildfly-config/configure.cli).
 */
@ApplicationScoped
public class ShopAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ShopAuthenticationMechanism.class);

    static final String SESSION_KEY = "miniamazon.signedIn";

    @Inject
    private IdentityStoreHandler identityStores;

    @EJB
    private AccountService accounts;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return authenticateApiCall(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return logIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SESSION_KEY);
        if (signedIn != null) {
            return context.notifyContainerAboutLogin(signedIn.email(), signedIn.roles());
        }
        if (context.isProtected()) {
            return sendToLogin(request, response, context);
        }
        return context.doNothing();
    }

    /** HTTP Basic for the API: no credentials means anonymous (the services then refuse what needs a user). */
    private AuthenticationStatus authenticateApiCall(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        String[] emailAndPassword = decodeBasic(authorization.substring(6).trim());
        CredentialValidationResult result = emailAndPassword == null ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(new ApiCallCredential(emailAndPassword[0], emailAndPassword[1]));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            SecurityEvents.apiCallAuthenticated(request, result.getCallerPrincipal().getName());
            return context.notifyContainerAboutLogin(result);
        }
        String attempted = emailAndPassword == null ? null : emailAndPassword[0];
        SecurityEvents.signInFailed(request, attempted, "api", attempted != null && isPaused(attempted));
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mini-Amazon\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Authentication failed\",\"status\":401,"
                    + "\"detail\":\"Wrong email or password, or too many failed attempts: wait and try again.\"}");
        } catch (IOException e) {
            LOG.warnf(e, "Could not write the 401 answer for %s", request.getRequestURI());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Whether sign-in for this email is paused after too many failures (for the audit line only). */
    private boolean isPaused(String email) {
        return accounts.lockedUntil(email).isPresent();
    }

    /** {@code email:password} from a Basic credential, or null when it is not one. */
    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AuthenticationStatus logIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            String attempted = credential instanceof UsernamePasswordCredential login ? login.getCaller() : null;
            SecurityEvents.signInFailed(request, attempted, "form", attempted != null && isPaused(attempted));
            // No error response: the login page says what went wrong.
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SignedIn signedIn = new SignedIn(result.getCallerPrincipal().getName(), result.getCallerGroups());
        request.getSession(true).setAttribute(SESSION_KEY, signedIn);
        SecurityEvents.signedIn(request, signedIn.email(), "form");
        LOG.debugf("Signed in with roles %s", signedIn.roles());
        return context.notifyContainerAboutLogin(signedIn.email(), signedIn.roles());
    }

    private static AuthenticationStatus sendToLogin(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String login = request.getContextPath() + "/login.xhtml";
        if ("GET".equals(request.getMethod())) {
            String wanted = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            login += "?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8);
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax request cannot follow a plain redirect; Faces clients follow this one.
            try {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + login.replace("&", "&amp;") + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                LOG.warnf(e, "Could not send the Ajax redirect to the login page for %s", request.getRequestURI());
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        return context.redirect(login);
    }

    /** Whether a session belongs to a signed-in account (readable before the container has asked us). */
    public static boolean isSignedIn(HttpSession session) {
        return session != null && session.getAttribute(SESSION_KEY) != null;
    }

    /** Replaces the session's account after it changed (a new role), effective from the next request. */
    public static void refresh(HttpSession session, SignedIn signedIn) {
        session.setAttribute(SESSION_KEY, signedIn);
    }
}
