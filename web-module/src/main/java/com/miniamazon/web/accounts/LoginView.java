package com.miniamazon.web.accounts;

import com.miniamazon.accounts.AccountService;
import com.miniamazon.web.support.Feedback;
import com.miniamazon.web.support.SafeRedirects;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Backs the login page: hands email and password to Jakarta Security, then returns to the page wanted. */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginView.class);

    @Inject
    private SecurityContext securityContext;

    @Inject
    private AccountService accounts;

    private String email;
    private String password;
    private String next;

    /** Signs in, or says why not (wrong email or password, or locked for a while). */
    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email == null ? "" : email.strip(),
                                new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SUCCESS -> {
                Feedback.info("Welcome back", "You are signed in.");
                external.redirect(external.getRequestContextPath()
                        + SafeRedirects.localPathOr(next, "/index.xhtml"));
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Optional<Instant> lockedUntil = accounts.lockedUntil(email);
                if (lockedUntil.isPresent()) {
                    long minutes = Math.max(1, Duration.between(Instant.now(), lockedUntil.get()).toSeconds() / 60 + 1);
                    Feedback.error("Too many attempts", "For your safety, sign-in for this account is paused. "
                            + "Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".");
                } else {
                    Feedback.error("Not signed in", "The email or password is wrong.");
                }
                faces.getExternalContext().getFlash().setKeepMessages(false);
                LOG.debugf("Sign-in failed (%s)", status);
            }
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
