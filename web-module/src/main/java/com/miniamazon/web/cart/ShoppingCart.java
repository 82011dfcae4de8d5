package com.miniamazon.web.cart;

import com.miniamazon.accounts.Roles;
import com.miniamazon.cart.CartService;
import com.miniamazon.cart.CartView;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shopper's cart across pages. A visitor's lines live here, in the session; once a customer is signed in
 * their cart is the saved one ({@link CartService}), and the visitor's lines are merged into it on the first
 * request after sign-in. The priced cart is computed once per request.
 */
@Named
@SessionScoped
public class ShoppingCart implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PRICED_KEY = ShoppingCart.class.getName() + ".priced";
    /**
     * Session attribute present while a visitor's cart holds lines: the page cache, which runs before Faces and
     * CDI, reads it to leave visitors with a cart (their header shows it) out of the shared pages.
     */
    private static final String VISITOR_LINES_KEY = "miniamazon.visitorCartLines";

    @Inject
    private CartService carts;

    private final Map<Long, Integer> visitorLines = new LinkedHashMap<>();

    /** The cart as it is now, priced with today's products. */
    public CartView getView() {
        Map<String, Object> requestMap = external().getRequestMap();
        CartView priced = (CartView) requestMap.get(PRICED_KEY);
        if (priced == null) {
            priced = isSaved() ? mergedSavedCart() : carts.price(visitorLines);
            requestMap.put(PRICED_KEY, priced);
        }
        return priced;
    }

    /** How many items the header badge shows. */
    public int getItemCount() {
        return getView().itemCount();
    }

    /** Adds a product; refusals ({@code quantity}) and products gone from sale come back as exceptions. */
    public void add(long productId, Integer quantity) {
        if (isSaved()) {
            mergedSavedCart();
            remember(carts.add(productId, quantity));
        } else {
            carts.checkAddable(productId, quantity);
            visitorLines.merge(productId, quantity, (had, more) -> Math.min(had + more, 99));
            visitorLinesChanged();
        }
    }

    public void changeQuantity(long productId, Integer quantity) {
        if (isSaved()) {
            remember(carts.changeQuantity(productId, quantity));
        } else {
            carts.checkAddable(productId, quantity);
            visitorLines.replace(productId, quantity);
            visitorLinesChanged();
        }
    }

    public void remove(long productId) {
        if (isSaved()) {
            remember(carts.remove(productId));
        } else {
            visitorLines.remove(productId);
            visitorLinesChanged();
        }
    }

    /** Empties the cart after an order was placed. */
    public void clear() {
        if (isSaved()) {
            carts.clear();
        }
        visitorLines.clear();
        visitorLinesChanged();
    }

    private CartView mergedSavedCart() {
        if (visitorLines.isEmpty()) {
            return carts.myCart();
        }
        CartView merged = carts.mergeIntoMyCart(new LinkedHashMap<>(visitorLines));
        visitorLines.clear();
        visitorLinesChanged();
        return merged;
    }

    private boolean isSaved() {
        return external().isUserInRole(Roles.CUSTOMER);
    }

    private void remember(CartView view) {
        external().getRequestMap().put(PRICED_KEY, view);
    }

    private void forget() {
        external().getRequestMap().remove(PRICED_KEY);
    }

    private void visitorLinesChanged() {
        forget();
        Map<String, Object> sessionMap = external().getSessionMap();
        if (visitorLines.isEmpty()) {
            sessionMap.remove(VISITOR_LINES_KEY);
        } else {
            sessionMap.put(VISITOR_LINES_KEY, Boolean.TRUE);
        }
    }

    /** Whether this session holds a visitor's cart with lines in it (readable without Faces or CDI). */
    public static boolean hasVisitorLines(HttpSession session) {
        return session != null && session.getAttribute(VISITOR_LINES_KEY) != null;
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
