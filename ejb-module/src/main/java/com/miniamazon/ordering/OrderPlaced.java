package com.miniamazon.ordering;

/**
 * Fired synchronously inside the checkout's transaction once the order is persisted, so that fulfilment's
 * shipment and outbox rows commit (or roll back) together with the order.
 */
public record OrderPlaced(long orderId) {}
