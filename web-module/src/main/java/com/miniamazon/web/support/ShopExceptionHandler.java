package com.miniamazon.web.support;

import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.NotYoursException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import org.jboss.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * Turns what goes wrong in a page into the answer a person should see, never a stack trace: an unknown or
 * someone else's order or product is 404, a refused role or another seller's listing is 403, an expired or
 * forged form post (no valid view state, or not the page's CSP nonce) is 400, anything else is logged with the page and answered 500.
 * Ajax requests are redirected to the same error pages, as they cannot show an error response.
 */
public class ShopExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ShopExceptionHandler.class);

    public ShopExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            if (context.getResponseComplete()) {
                LOG.warnf(thrown, "Error after the response to %s was complete", viewId(context));
                continue;
            }
            answer(context, statusFor(thrown, context), thrown);
            break;
        }
        // Anything else queued is dropped: one answer per request, and it is given.
        while (events.hasNext()) {
            Throwable more = events.next().getContext().getException();
            events.remove();
            LOG.warnf(more, "Further error in %s after the first was answered", viewId(context));
        }
        getWrapped().handle();
    }

    static int statusFor(Throwable thrown, FacesContext context) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotFoundException) {
                LOG.debugf("Not found in %s: %s", viewId(context), cause.getMessage());
                return HttpServletResponse.SC_NOT_FOUND;
            }
            if (cause instanceof NotYoursException || cause instanceof EJBAccessException) {
                LOG.infof("Refused in %s for %s: %s", viewId(context), user(context), cause.getMessage());
                return HttpServletResponse.SC_FORBIDDEN;
            }
            if (cause instanceof ViewExpiredException) {
                LOG.infof("Form post without a valid view state to %s", viewId(context));
                return HttpServletResponse.SC_BAD_REQUEST;
            }
            if (cause instanceof CspException) {
                // The page's script sends its nonce with every post, so this post did not come from the page's own
                // code. PrimeFaces checks it only when rendering the answer, after the action ran: it is no CSRF
                // check (the view state is), but the sender still gets the friendly page rather than a 500.
                LOG.infof("Form post without the page's nonce to %s: %s", viewId(context), cause.getMessage());
                return HttpServletResponse.SC_BAD_REQUEST;
            }
        }
        LOG.errorf(thrown, "Unexpected error in %s for %s", viewId(context), user(context));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    private static void answer(FacesContext context, int status, Throwable thrown) {
        ExternalContext external = context.getExternalContext();
        try {
            if (context.getPartialViewContext().isAjaxRequest()) {
                external.redirect(external.getRequestContextPath() + "/errors/" + page(status) + ".xhtml");
            } else {
                external.responseReset();
                external.responseSendError(status, null);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.errorf(e, "Could not send the %d answer for %s (first error: %s)", status, viewId(context), thrown);
        }
        context.responseComplete();
    }

    private static String page(int status) {
        return switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> "404";
            case HttpServletResponse.SC_FORBIDDEN -> "403";
            case HttpServletResponse.SC_BAD_REQUEST -> "expired";
            default -> "500";
        };
    }

    private static String viewId(FacesContext context) {
        return context.getViewRoot() != null ? context.getViewRoot().getViewId()
                : context.getExternalContext().getRequestServletPath();
    }

    private static String user(FacesContext context) {
        return context.getExternalContext().getUserPrincipal() == null ? "a visitor" : "a signed-in user";
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends jakarta.faces.context.ExceptionHandlerFactory {
        public Factory(jakarta.faces.context.ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ShopExceptionHandler(getWrapped().getExceptionHandler());
        }
    }

}
