package com.miniamazon.web.accounts;

import com.miniamazon.accounts.AccountService;
import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.web.support.Feedback;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import org.jboss.logging.Logger;

/** Backs the registration page: opens the account, then signs the new customer in. */
@Named
@ViewScoped
public class RegisterView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RegisterView.class);

    @Inject
    private AccountService accounts;

    @Inject
    private SecurityContext securityContext;

    private String email;
    private String displayName;
    private String password;
    private String passwordAgain;

    public void register() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            Feedback.fieldError("register:passwordAgain", "The two passwords differ.");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            accounts.register(email, displayName, password.toCharArray());
        } catch (RequestRefusedException refusal) {
            Feedback.refused(refusal, "register");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email.strip(), new Password(password))));
        password = null;
        passwordAgain = null;
        if (status == AuthenticationStatus.SUCCESS) {
            Feedback.info("Welcome to Mini-Amazon", "Your account is ready and you are signed in.");
            external.redirect(external.getRequestContextPath() + "/index.xhtml");
        } else {
            LOG.warnf("A new account could not sign in at once (%s)", status);
            Feedback.info("Your account is ready", "Please sign in.");
            external.redirect(external.getRequestContextPath() + "/login.xhtml");
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
