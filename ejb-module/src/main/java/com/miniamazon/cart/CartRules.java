package com.miniamazon.cart;

import java.util.Optional;

/** What a cart may hold: whole quantities from 1 to {@link #MAX_QUANTITY} per product, at most {@link #MAX_LINES} products. */
public final class CartRules {

    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 50;

    private CartRules() {}

    /** Why this quantity is refused, or empty when it is fine. */
    public static Optional<String> problemWithQuantity(Integer quantity) {
        if (quantity == null) {
            return Optional.of("Enter a quantity.");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            return Optional.of("Choose a quantity from 1 to " + MAX_QUANTITY + ".");
        }
        return Optional.empty();
    }
}
