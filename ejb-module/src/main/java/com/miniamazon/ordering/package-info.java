/**
 * Taking orders: checkout with its idempotency key, the order and its lines, the order's life as one explicit
 * state machine ({@link com.miniamazon.ordering.OrderStatus}) with its timeline, and the purchase
 * acknowledgement that travels over JMS while the checkout page waits.
 */
package com.miniamazon.ordering;
