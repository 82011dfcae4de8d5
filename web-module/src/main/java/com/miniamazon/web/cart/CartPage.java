package com.miniamazon.web.cart;

import com.miniamazon.cart.CartItem;
import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.web.support.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** Backs the cart page: change quantities (the total follows at once), remove lines. */
@Named
@ViewScoped
public class CartPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ShoppingCart cart;

    /** The quantity typed for each product, before it is applied. */
    private final Map<Long, Integer> quantities = new HashMap<>();

    public Map<Long, Integer> getQuantities() {
        cart.getView().items().forEach(item -> quantities.putIfAbsent(item.productId(), item.quantity()));
        return quantities;
    }

    public void changeQuantity(CartItem item) {
        Integer wanted = quantities.get(item.productId());
        try {
            cart.changeQuantity(item.productId(), wanted);
        } catch (RequestRefusedException refusal) {
            Feedback.error("Quantity not changed", refusal.getMessage());
            quantities.put(item.productId(), item.quantity());
        } catch (NotFoundException gone) {
            Feedback.warn("Not in your cart", item.name() + " is no longer in your cart.");
        }
    }

    public void remove(CartItem item) {
        cart.remove(item.productId());
        quantities.remove(item.productId());
        Feedback.info("Removed", item.name() + " is out of your cart.");
    }
}
