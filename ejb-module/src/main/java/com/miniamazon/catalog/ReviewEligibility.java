package com.miniamazon.catalog;

/** Whether the caller may review a product now, and if not, why. */
public enum ReviewEligibility {
    /** The caller received the product and has not reviewed it yet. */
    ELIGIBLE,
    /** No order of the caller with this product has been delivered. */
    NOT_RECEIVED,
    /** The caller reviewed this product already; one review per customer. */
    ALREADY_REVIEWED
}
