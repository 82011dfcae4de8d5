package com.miniamazon.fulfilment;

/** The commands fulfilment sends, as a peer's error answer refers back to them. */
public enum CommandKind {
    PURCHASE,
    PACK,
    PUT_ON_TRUCK,
    QUERY_PACKAGE,
    REQUEST_PICKUP,
    NOTIFY_LOADED,
    CHANGE_DESTINATION,
    CHECK_ACCOUNT;

    /** Commands about one shipment, whose refusal concerns that shipment's order. */
    public boolean concernsShipment() {
        return this != PURCHASE && this != CHECK_ACCOUNT;
    }
}
