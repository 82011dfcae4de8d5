/**
 * The store under adversity: WildFly killed mid-run, buyers racing for the last units, a database that goes
 * away, peers that send garbage. Tests that disturb the system more than the shared server can bear run on a
 * stack of their own ({@link com.miniamazon.it.support.OwnStack}).
 */
package com.miniamazon.it.resilience;
