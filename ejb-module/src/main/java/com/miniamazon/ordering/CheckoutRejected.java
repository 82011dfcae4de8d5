package com.miniamazon.ordering;

import jakarta.ejb.ApplicationException;

/** Checkout refused the request as it stands; the message says why, in words fit for the customer. */
@ApplicationException(rollback = true)
public class CheckoutRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckoutRejected(String message) {
        super(message);
    }
}
