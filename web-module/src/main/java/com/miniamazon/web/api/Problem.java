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

    /**
     * 422 Unprocessable Content (RFC 9110): a well-formed request the store refuses. Jakarta REST's
     * {@code Response.Status} has no constant for it, and {@code Status.fromStatusCode(422)} is null, which
     * turned every such answer into a 500.
     */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    public static Response response(Response.StatusType status, String title, String detail) {
        return response(status, title, detail, null);
    }

    public static Response response(Response.StatusType status, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title, status.getStatusCode(), detail, errors))
                .build();
    }

    /** One field of the request and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
