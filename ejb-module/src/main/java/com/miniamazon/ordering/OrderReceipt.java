package com.miniamazon.ordering;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What checkout gives back: the order, its tracking number, and whether it was placed by this call or found
 * already placed under the same idempotency key.
 */
public record OrderReceipt(long orderId, Long trackingNumber, BigDecimal total, boolean alreadyPlaced)
        implements Serializable {}
