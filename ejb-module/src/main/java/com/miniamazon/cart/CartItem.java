package com.miniamazon.cart;

import java.io.Serializable;
import java.math.BigDecimal;

/** A cart line as the cart page shows it: the product as it is now, the quantity and the line's total. */
public record CartItem(long productId, String name, BigDecimal unitPrice, int quantity, boolean onSale)
        implements Serializable {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
