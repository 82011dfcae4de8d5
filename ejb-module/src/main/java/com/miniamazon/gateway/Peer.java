package com.miniamazon.gateway;

/** The two parties the store talks to. */
public enum Peer {
    WORLD,
    UPS
}
