package com.miniamazon.ordering;

import jakarta.ejb.ApplicationException;

/**
 * No such order for this customer. Orders of other customers are reported the same way as missing ones, so
 * guessing ids reveals nothing.
 */
@ApplicationException(rollback = true)
public class OrderNotFound extends Exception {
    private static final long serialVersionUID = 1L;

    public OrderNotFound(long orderId) {
        super("No order " + orderId);
    }
}
