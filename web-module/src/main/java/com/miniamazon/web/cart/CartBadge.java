package com.miniamazon.web.cart;

import com.miniamazon.accounts.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/**
 * The item count in every page's header. It asks the {@link ShoppingCart} only when there can be something in it
 * (a signed-in customer, or a visitor whose session holds lines): looking at a session-scoped cart would open a
 * session for every visitor, and a page that opens a session cannot be shared by the page cache.
 */
@Named
@RequestScoped
public class CartBadge {

    @Inject
    private Instance<ShoppingCart> cart;

    public int getCount() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = (HttpSession) external.getSession(false);
        if (!external.isUserInRole(Roles.CUSTOMER) && !ShoppingCart.hasVisitorLines(session)) {
            return 0;
        }
        return cart.get().getItemCount();
    }
}
