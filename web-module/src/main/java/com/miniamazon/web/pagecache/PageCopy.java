package com.miniamazon.web.pagecache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rendered page, ready to be sent again: status 200, its content type, the headers the application set
 * (the Content-Security-Policy among them) and the body as UTF-8, cut where the page's script nonce stood.
 *
 * <p>Every answer gets a fresh nonce, exactly as a rendered page does: the copy puts a new one into the policy
 * header and into every place of the body that held the old one, so no two answers share a nonce (an attacker who
 * reads one copy learns nothing about the next). PrimeFaces nonces are Base64 of a random UUID; so are these,
 * which PrimeFaces checks when a stateless page posts one back.
 */
public final class PageCopy {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]*)\"");
    private static final Pattern POLICY_NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    private final String contentType;
    private final List<String[]> headers;
    private final byte[][] bodyParts;
    private final int size;

    private PageCopy(String contentType, List<String[]> headers, byte[][] bodyParts) {
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.bodyParts = bodyParts;
        int bytes = 0;
        for (byte[] part : bodyParts) {
            bytes += part.length;
        }
        for (String[] header : headers) {
            bytes += header[0].length() + header[1].length();
        }
        this.size = bytes;
    }

    /**
     * The copy of a rendered page, or null when the page must not be shared: a view state tied to a session in
     * it (the view was not stateless), or a policy without a recognisable nonce while the body has scripts.
     *
     * @param contentType the response's content type
     * @param headers name and value of each header the application set, in order
     * @param body the page as written
     */
    public static PageCopy of(String contentType, List<String[]> headers, String body) {
        Matcher viewState = VIEW_STATE.matcher(body);
        while (viewState.find()) {
            if (!"stateless".equals(viewState.group(1))) {
                return null;
            }
        }
        String nonce = null;
        for (String[] header : headers) {
            if ("Content-Security-Policy".equalsIgnoreCase(header[0])) {
                Matcher found = POLICY_NONCE.matcher(header[1]);
                if (!found.find()) {
                    return null;
                }
                nonce = found.group(1);
            }
        }
        List<byte[]> parts = new ArrayList<>();
        if (nonce == null) {
            parts.add(body.getBytes(StandardCharsets.UTF_8));
        } else {
            int from = 0;
            for (int at = body.indexOf(nonce); at >= 0; at = body.indexOf(nonce, from)) {
                parts.add(body.substring(from, at).getBytes(StandardCharsets.UTF_8));
                from = at + nonce.length();
            }
            parts.add(body.substring(from).getBytes(StandardCharsets.UTF_8));
        }
        List<String[]> kept = new ArrayList<>();
        for (String[] header : headers) {
            String value = nonce == null ? header[1] : header[1].replace(nonce, "\u0000");
            kept.add(new String[] {header[0], value});
        }
        return new PageCopy(contentType, kept, parts.toArray(byte[][]::new));
    }

    /** A new nonce, as PrimeFaces makes them. */
    public static String freshNonce() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes held, roughly. */
    public int size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    /** The headers to send, with {@code nonce} in the place of the page's own. */
    public List<String[]> headers(String nonce) {
        List<String[]> withNonce = new ArrayList<>(headers.size());
        for (String[] header : headers) {
            withNonce.add(new String[] {header[0], header[1].replace("\u0000", nonce)});
        }
        return withNonce;
    }

    /** The body with {@code nonce} wherever the page's own stood. */
    public byte[] body(String nonce) {
        byte[] nonceBytes = nonce.getBytes(StandardCharsets.US_ASCII);
        int length = 0;
        for (byte[] part : bodyParts) {
            length += part.length;
        }
        length += (bodyParts.length - 1) * nonceBytes.length;
        byte[] body = new byte[length];
        int at = 0;
        for (int i = 0; i < bodyParts.length; i++) {
            if (i > 0) {
                System.arraycopy(nonceBytes, 0, body, at, nonceBytes.length);
                at += nonceBytes.length;
            }
            System.arraycopy(bodyParts[i], 0, body, at, bodyParts[i].length);
            at += bodyParts[i].length;
        }
        return body;
    }
}
