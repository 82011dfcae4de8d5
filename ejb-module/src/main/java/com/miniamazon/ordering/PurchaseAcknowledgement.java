package com.miniamazon.ordering;

/** What the checkout page tells the customer after waiting for the backend's confirmation. */
public enum PurchaseAcknowledgement {
    /** The backend confirmed the order in time. */
    CONFIRMED,
    /** No confirmation within the wait: the order is safely recorded and is being processed. */
    RECEIVED_PROCESSING
}
