package com.miniamazon.web.accounts;

import com.miniamazon.accounts.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Who is using the page, for the template's menus: signed in or not, and in which roles. */
@Named
@RequestScoped
public class CurrentUser {

    public boolean isSignedIn() {
        return external().getUserPrincipal() != null;
    }

    public String getEmail() {
        return isSignedIn() ? external().getUserPrincipal().getName() : null;
    }

    public boolean isCustomer() {
        return external().isUserInRole(Roles.CUSTOMER);
    }

    public boolean isSeller() {
        return external().isUserInRole(Roles.SELLER);
    }

    public boolean isAdmin() {
        return external().isUserInRole(Roles.ADMIN);
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
