package com.miniamazon.web.support;

import com.miniamazon.infrastructure.RequestRefusedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Messages for the person using the page: next to a field when they are about one, in the page's growl
 * otherwise. Messages survive a redirect (the flash keeps them), so an action may redirect after saying so.
 */
public final class Feedback {

    private Feedback() {}

    public static void info(String summary, String detail) {
        add(null, FacesMessage.SEVERITY_INFO, summary, detail);
    }

    public static void warn(String summary, String detail) {
        add(null, FacesMessage.SEVERITY_WARN, summary, detail);
    }

    public static void error(String summary, String detail) {
        add(null, FacesMessage.SEVERITY_ERROR, summary, detail);
    }

    /** An error shown next to the field with this client id (such as {@code "register:email"}). */
    public static void fieldError(String clientId, String message) {
        add(clientId, FacesMessage.SEVERITY_ERROR, message, message);
    }

    /**
     * A service's refusal: next to the field it names (in the form {@code formId}), or in the growl. Marks the
     * request as failed so that Ajax callbacks and dialogs know it.
     */
    public static void refused(RequestRefusedException refusal, String formId) {
        if (refusal.field() != null) {
            fieldError(formId + ":" + refusal.field(), refusal.getMessage());
        } else {
            error("Not done", refusal.getMessage());
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(severity, summary, detail));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }
}
