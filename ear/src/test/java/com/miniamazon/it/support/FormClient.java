package com.miniamazon.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shop's pages as a program sees them, not a browser: its own cookie jar, redirects not followed (so a test
 * sees the 302 and its Location), form posts built by hand from a page's form and view state. What an attacker
 * scripting requests has, and no more.
 */
public final class FormClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();

    /** A visitor with an empty cookie jar. */
    public static FormClient visitor() {
        return new FormClient();
    }

    /** A visitor who has signed in on the login page with this existing account. */
    public static FormClient signedIn(String email, String password) {
        FormClient client = new FormClient();
        Page answer = client.signIn(email, password);
        if (answer.status() != 302) {
            throw new IllegalStateException("sign-in as " + email + " failed: " + answer.status());
        }
        return client;
    }

    /** Fills in and posts the login form; a successful sign-in answers with a redirect. */
    public Page signIn(String email, String password) {
        Page login = get("login.xhtml");
        return login.submit("login", Map.of("login:email", email, "login:password", password), "login:signIn");
    }

    public Page get(String path) {
        return get(path, Map.of());
    }

    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.shopUrl() + path)).GET();
        headers.forEach(request::header);
        return send(request, path);
    }

    /** A form post with exactly these fields, as another site or a script could send it. */
    public Page post(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.shopUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(request::header);
        return send(request, path);
    }

    /** Any request with this client's cookies, e.g. a JSON call to the API riding on a page session. */
    public Page request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.shopUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, path);
    }

    /** The session cookie this client holds now, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst();
    }

    /** Replaces the session cookie, as someone who obtained another's cookie would. */
    public FormClient withSessionId(String sessionId) {
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(URI.create(TestEnvironment.shopUrl()), cookie);
        return this;
    }

    private Page send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(this, path, response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** One answer: status, body and headers, and the way to post one of its forms. */
    public record Page(FormClient client, String path, int status, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers(name).stream().findFirst().orElse(null);
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        /** The Set-Cookie header that sets the session cookie, if this answer sets one. */
        public Optional<String> sessionCookieHeader() {
            return headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
        }

        public String viewState() {
            Matcher matcher = VIEW_STATE.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no view state on " + path + " (status " + status + ")");
            }
            return matcher.group(1).replace("&#58;", ":").replace("&amp;", "&");
        }

        /** The script nonce of this page's Content-Security-Policy. */
        public String nonce() {
            Matcher matcher = NONCE.matcher(Optional.ofNullable(header("Content-Security-Policy")).orElse(""));
            if (!matcher.find()) {
                throw new IllegalStateException("no CSP nonce on " + path + " (status " + status + ")");
            }
            return matcher.group(1);
        }

        /**
         * Posts the form {@code formId} of this page back to this page with its view state, these fields and the
         * button pressed, as a browser would for a non-Ajax submit (PrimeFaces' script adds the page's nonce).
         */
        public Page submit(String formId, Map<String, String> fields, String button) {
            Map<String, String> form = new LinkedHashMap<>(formWithoutNonce(formId, fields, button));
            form.put("primefaces.nonce", nonce());
            return client.post(path, form, Map.of());
        }

        /** The same post without the nonce: what a script that did not run the page's own code would send. */
        public Page submitWithoutNonce(String formId, Map<String, String> fields, String button) {
            return client.post(path, formWithoutNonce(formId, fields, button), Map.of());
        }

        private Map<String, String> formWithoutNonce(String formId, Map<String, String> fields, String button) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put(formId, formId);
            form.putAll(fields);
            form.put(button, button);
            form.put("jakarta.faces.ViewState", viewState());
            return form;
        }

        /** The text of the page with the markup stripped, to search for words a person would read. */
        public String text() {
            return body.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ");
        }
    }
}
