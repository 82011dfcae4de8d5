package com.miniamazon.simulators.chaos;

/** Which way frames flow through the proxy. */
public enum Direction {
    /** From the client that connected to the proxy (the store) to the server behind it (the world or UPS). */
    TO_SERVER,
    /** From the server back to the client. */
    TO_CLIENT
}
