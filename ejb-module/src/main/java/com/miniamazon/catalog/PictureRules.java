package com.miniamazon.catalog;

import java.util.Optional;

/**
 * Which uploads become product pictures: PNG, JPEG or WebP, recognised by their first bytes (the browser's
 * declared type and the file name are not trusted), of at most {@link #MAX_BYTES}. SVG is refused on purpose:
 * it can carry script.
 */
public final class PictureRules {

    public static final int MAX_BYTES = 1024 * 1024;

    private PictureRules() {}

    /** The picture's real type from its content, or empty when it is none of the accepted types. */
    public static Optional<String> detectType(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** Why this upload is refused, or empty when it is accepted. */
    public static Optional<String> problemWith(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of("The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            return Optional.of("The picture is larger than 1 MB; please upload a smaller one.");
        }
        if (detectType(content).isEmpty()) {
            return Optional.of("Upload a PNG, JPEG or WebP picture.");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        if (content.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
