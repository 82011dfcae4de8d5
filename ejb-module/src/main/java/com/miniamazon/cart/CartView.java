package com.miniamazon.cart;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** A whole cart: its items in the order they were added, and what they cost together (items on sale only). */
public record CartView(List<CartItem> items) implements Serializable {

    public CartView {
        items = List.copyOf(items);
    }

    public BigDecimal total() {
        return items.stream().filter(CartItem::onSale).map(CartItem::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int itemCount() {
        return items.stream().mapToInt(CartItem::quantity).sum();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
