package com.miniamazon.web.accounts;

import com.miniamazon.accounts.AccountProfile;
import com.miniamazon.accounts.AccountService;
import com.miniamazon.accounts.Roles;
import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.web.support.Feedback;
import com.miniamazon.web.support.SecurityEvents;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;

/** Backs the profile page: the signed-in customer's name, the seller switch, and the password change. */
@Named
@ViewScoped
public class ProfileView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    private AccountProfile profile;
    private String rolesSeenByServices;
    private String displayName;
    private String currentPassword;
    private String newPassword;
    private String newPasswordAgain;

    /** Loads the caller's account (view action). */
    public void load() {
        profile = accounts.myProfile();
        displayName = profile.displayName();
    }

    /**
     * The caller's roles as the EJB container sees them (asked of a service, not of the web layer), so the page
     * shows what the services will allow: "Customer · Seller".
     */
    public String getRolesSeenByServices() {
        if (rolesSeenByServices == null) {
            StringBuilder roles = new StringBuilder();
            for (String[] role : new String[][] {{Roles.CUSTOMER, "Customer"}, {Roles.SELLER, "Seller"},
                    {Roles.ADMIN, "Administrator"}}) {
                if (accounts.callerHasRole(role[0])) {
                    roles.append(roles.length() == 0 ? "" : " \u00b7 ").append(role[1]);
                }
            }
            rolesSeenByServices = roles.toString();
        }
        return rolesSeenByServices;
    }

    public void rename() {
        try {
            profile = accounts.rename(displayName);
            Feedback.info("Saved", "Your name is now " + profile.displayName() + ".");
        } catch (RequestRefusedException refusal) {
            Feedback.refused(refusal, "name");
        }
    }

    /** Makes the customer a seller too; the session learns the new role at once and the seller pages open. */
    public void becomeSeller() throws IOException {
        profile = accounts.becomeSeller();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ShopAuthenticationMechanism.refresh((HttpSession) external.getSession(true),
                new SignedIn(profile.email(), profile.roles()));
        Feedback.info("You are a seller now", "List your first product here.");
        external.redirect(external.getRequestContextPath() + "/seller/listings.xhtml");
    }

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(newPasswordAgain)) {
            Feedback.fieldError("password:newPasswordAgain", "The two new passwords differ.");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        HttpServletRequest request =
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        try {
            accounts.changePassword(chars(currentPassword), chars(newPassword));
            SecurityEvents.passwordChanged(request, request.getRemoteUser());
            Feedback.info("Password changed", "Use your new password next time you sign in.");
        } catch (RequestRefusedException refusal) {
            SecurityEvents.passwordChangeRefused(request, request.getRemoteUser(), refusal.field());
            Feedback.refused(refusal, "password");
        } finally {
            currentPassword = null;
            newPassword = null;
            newPasswordAgain = null;
        }
    }

    private static char[] chars(String text) {
        return text == null ? new char[0] : text.toCharArray();
    }

    public AccountProfile getProfile() {
        return profile;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordAgain() {
        return newPasswordAgain;
    }

    public void setNewPasswordAgain(String newPasswordAgain) {
        this.newPasswordAgain = newPasswordAgain;
    }
}
