package com.miniamazon.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error as RFC 9457 problem details: what went wrong in words a client developer can act on, never a stack
 * trace. {@code errors} lists the offending fields of a request that failed validation.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String title, String detail) {
        return response(status, title, detail, null);
    }

    public static Response response(Response.Status status, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title, status.getStatusCode(), detail, errors))
                .build();
    }

    /** One field of the request and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
