/** Buying and following orders in a real browser, with both simulators running. */
package com.miniamazon.it.orders;
