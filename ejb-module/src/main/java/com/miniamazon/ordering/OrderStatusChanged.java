package com.miniamazon.ordering;

import java.time.Instant;

/**
 * An order entered a new state. Fired inside the transaction that made the change; observers that talk to the
 * outside (mail, pages) observe it {@code during = TransactionPhase.AFTER_SUCCESS}, so they never announce a
 * change that was rolled back.
 */
public record OrderStatusChanged(long orderId, long customerId, Long shipmentId, OrderStatus from, OrderStatus to,
        String note, Instant at) {}
