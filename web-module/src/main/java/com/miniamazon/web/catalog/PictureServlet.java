package com.miniamazon.web.catalog;

import com.miniamazon.catalog.CatalogService;
import com.miniamazon.catalog.Picture;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves {@code /pictures/<productId>}: the seller's picture with its checked type, or a drawn placeholder.
 * Browsers may cache for an hour and revalidate by ETag. {@code nosniff} keeps a browser from guessing another
 * type than the one we checked.
 */
@WebServlet("/pictures/*")
public class PictureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String[] PLACEHOLDER_COLOURS = {"#fde68a", "#bfdbfe", "#c7d2fe", "#bbf7d0", "#fecaca", "#ddd6fe"};

    @Inject
    private CatalogService catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long productId;
        try {
            productId = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException notAnId) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "public, max-age=3600");
        Optional<Picture> picture = catalog.picture(productId);
        String etag = "\"" + productId + "-" + picture.map(p -> p.updatedAt().toEpochMilli()).orElse(0L) + "\"";
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (picture.isPresent()) {
            response.setContentType(picture.get().contentType());
            response.setContentLength(picture.get().content().length);
            response.getOutputStream().write(picture.get().content());
        } else {
            byte[] svg = placeholder(productId).getBytes(StandardCharsets.UTF_8);
            response.setContentType("image/svg+xml");
            response.setContentLength(svg.length);
            response.getOutputStream().write(svg);
        }
    }

    /** A soft tile with a parcel drawn on it; the colour varies by product so a grid does not look uniform. */
    static String placeholder(long productId) {
        String colour = PLACEHOLDER_COLOURS[(int) Math.floorMod(productId, PLACEHOLDER_COLOURS.length)];
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240">\
                <rect width="320" height="240" fill="%s"/>\
                <g fill="none" stroke="#1f2933" stroke-opacity=".45" stroke-width="6" stroke-linejoin="round">\
                <path d="M110 95 L160 70 L210 95 L210 160 L160 185 L110 160 Z"/>\
                <path d="M110 95 L160 120 L210 95 M160 120 L160 185"/></g></svg>""".formatted(colour);
    }
}
