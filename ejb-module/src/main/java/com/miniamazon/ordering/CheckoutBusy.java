package com.miniamazon.ordering;

import jakarta.ejb.ApplicationException;

/**
 * The store was too busy to start the checkout within the admission wait; nothing was recorded and the same
 * checkout (same idempotency key) can be sent again.
 */
@ApplicationException(rollback = true)
public class CheckoutBusy extends CheckoutRejected {
    private static final long serialVersionUID = 1L;

    public CheckoutBusy(String message) {
        super(message);
    }
}
