/**
 * The store against a bad network and unreliable peers: many orders placed through the API while the chaos
 * proxies between the test server and the simulators drop, repeat, reorder and split frames, cut connections,
 * or fall silent, and while the simulators restart. Each test checks what customers and the peers can see: every
 * order delivered, and in the simulators' own records every package packed once and loaded once.
 */
package com.miniamazon.it.resilience;
