package com.miniamazon.ordering;

import com.miniamazon.inventory.GridPoint;

/** Fired synchronously in the customer's transaction; fulfilment passes the change on to UPS. */
public record DestinationChangeRequested(long orderId, GridPoint destination) {}
