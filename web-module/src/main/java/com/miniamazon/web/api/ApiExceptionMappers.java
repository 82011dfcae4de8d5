package com.miniamazon.web.api;

import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.ordering.CheckoutBusy;
import com.miniamazon.ordering.CheckoutRejected;
import com.miniamazon.ordering.OrderNotFound;
import com.miniamazon.web.support.SecurityEvents;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Turns every failure of an API call into problem details with the right status; nothing leaks a stack trace. */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    /** How the JSON binding names the field it could not read ("Unable to deserialize property 'x' because of …"). */
    private static final Pattern UNREADABLE_FIELD = Pattern.compile("property '([A-Za-z][A-Za-z0-9_]{0,63})'");

    private ApiExceptionMappers() {}

    /** A request the service refused for a reason the client can read. */
    @Provider
    public static class Rejected implements ExceptionMapper<CheckoutRejected> {
        @Override
        public Response toResponse(CheckoutRejected e) {
            return Problem.response(Problem.UNPROCESSABLE_CONTENT, "Request refused", e.getMessage());
        }
    }

    /** A checkout the store was too busy to start: nothing was recorded; the same request may be sent again. */
    @Provider
    public static class Busy implements ExceptionMapper<CheckoutBusy> {
        @Override
        public Response toResponse(CheckoutBusy e) {
            return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Busy", e.getMessage()))
                    .header("Retry-After", "1")
                    .build();
        }
    }

    /** A request a service refused for a reason the client can fix (the field, when there is one). */
    @Provider
    public static class Refused implements ExceptionMapper<RequestRefusedException> {
        @Override
        public Response toResponse(RequestRefusedException e) {
            return Problem.response(Problem.UNPROCESSABLE_CONTENT, "Request refused", e.getMessage(),
                    e.field() == null ? null : List.of(new Problem.FieldError(e.field(), e.getMessage())));
        }
    }

    /** Something the caller asked for that does not exist (a product not on sale). */
    @Provider
    public static class Missing implements ExceptionMapper<com.miniamazon.infrastructure.NotFoundException> {
        @Override
        public Response toResponse(com.miniamazon.infrastructure.NotFoundException e) {
            return Problem.response(Response.Status.NOT_FOUND, "Not found", e.getMessage());
        }
    }

    /** An order that is not the caller's, or none. */
    @Provider
    public static class MissingOrder implements ExceptionMapper<OrderNotFound> {
        @Override
        public Response toResponse(OrderNotFound e) {
            return Problem.response(Response.Status.NOT_FOUND, "No such order", e.getMessage());
        }
    }

    /** Fields that fail validation, each with its message. */
    @Provider
    public static class Invalid implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return Problem.response(Response.Status.BAD_REQUEST, "Invalid request",
                    "Some fields are missing or out of range.", errors);
        }

        /** "place.request.items[0].quantity" → "items[0].quantity": the path as the client wrote it. */
        private static String field(ConstraintViolation<?> violation) {
            String path = violation.getPropertyPath().toString();
            String[] parts = path.split("\\.", 3);
            return parts.length == 3 ? parts[2] : parts.length == 2 ? "body" : path;
        }
    }

    /** Not logged in, or not allowed. */
    @Provider
    public static class Forbidden implements ExceptionMapper<EJBAccessException> {
        @Context
        private SecurityContext security;

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(EJBAccessException e) {
            return answer(security, request);
        }

        /** 401 with a Basic challenge for a caller without credentials, 403 for one whose role does not fit. */
        static Response answer(SecurityContext security, HttpServletRequest request) {
            boolean anonymous = security == null || security.getUserPrincipal() == null;
            SecurityEvents.accessDenied(request, anonymous ? null : security.getUserPrincipal().getName(),
                    request == null ? "api" : request.getRequestURI());
            if (anonymous) {
                return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "Authentication required",
                                "Send the email and password of a shop account with HTTP Basic."))
                        .header("WWW-Authenticate", "Basic realm=\"Mini-Amazon\", charset=\"UTF-8\"")
                        .build();
            }
            return Problem.response(Response.Status.FORBIDDEN, "Not allowed", "Your account may not do this.");
        }
    }

    /** JAX-RS's own answers (unknown path, unsupported media type, malformed JSON), as problem details. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String detail = e instanceof NotFoundException ? "There is nothing at this address."
                    : status.getStatusCode() == 400 ? unreadableBody(e)
                    : status.getReasonPhrase();
            return Problem.response(status, status.getReasonPhrase(), detail);
        }
    }

    /** A body the JSON binding cannot read (truncated, wrong types): the client's mistake, so 400, not 500. */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "Bad Request", unreadableBody(e));
        }
    }

    /**
     * What to tell the client about a body the JSON binding could not read: the field, when the binding named one
     * (a quantity that is no number: "items.quantity", from the nested properties the binding's messages name,
     * outermost first). Logged with the field, not the value.
     */
    static String unreadableBody(Throwable e) {
        Set<String> path = new LinkedHashSet<>();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher property = UNREADABLE_FIELD.matcher(String.valueOf(cause.getMessage()));
            while (property.find()) {
                path.add(property.group(1));
            }
        }
        if (!path.isEmpty()) {
            String field = String.join(".", path);
            LOG.infof("Unreadable API request body: field '%s' (%s)", field, e.getClass().getSimpleName());
            return "The request body is not valid JSON for this operation: '" + field
                    + "' does not have the expected type or format.";
        }
        LOG.infof("Unreadable API request body (%s)", e.getClass().getSimpleName());
        return "The request body is not valid JSON for this operation.";
    }

    /** Anything else: logged in full with an id; the client gets the id, not the trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        @Context
        private SecurityContext security;

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(Exception e) {
            if (e instanceof EJBException ejb && ejb.getCausedByException() instanceof EJBAccessException) {
                // Built here with this request's security context: a new Forbidden would have none, and answer 401.
                return Forbidden.answer(security, request);
            }
            String id = UUID.randomUUID().toString();
            LOG.errorf(e, "API request failed (error id %s)", id);
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                    "Something went wrong on our side. Error id " + id + ".");
        }
    }
}
