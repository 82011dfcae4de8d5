package com.miniamazon.web.accounts;

import com.miniamazon.web.support.SecurityEvents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jboss.logging.Logger;

/** Signs out from the menu of every page (a form post, so another site cannot sign a shopper out). */
@Named
@RequestScoped
public class LogoutAction {

    private static final Logger LOG = Logger.getLogger(LogoutAction.class);

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SecurityEvents.signedOut(request, request.getRemoteUser());
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.warn("Container logout failed; the session is ended all the same", e);
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/index.xhtml?signedOut=true");
    }
}
