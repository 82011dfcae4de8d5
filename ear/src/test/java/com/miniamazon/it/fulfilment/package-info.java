/**
 * Orders through the real stack (WildFly, PostgreSQL, JMS and both simulators): delivered exactly once through
 * drops, repeats, crashes and restarts.
 */
package com.miniamazon.it.fulfilment;
