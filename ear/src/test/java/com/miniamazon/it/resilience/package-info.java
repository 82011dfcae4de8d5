/**
 * The store under adversity. On the shared test server: many orders placed through the API while the chaos
 * proxies between the server and the simulators drop, repeat, reorder and split frames, cut connections or fall
 * silent, and while the simulators restart. On a stack of their own ({@link com.miniamazon.it.support.OwnStack}),
 * for what the shared server cannot bear: WildFly killed mid-run, buyers racing for the last units, a database that
 * goes away, peers that send garbage. Each test checks what customers and the peers can see: every order
 * delivered, and in the simulators' own records every package packed once and loaded once.
 */
package com.miniamazon.it.resilience;
