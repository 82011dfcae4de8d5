/** The cart in a real browser. */
package com.miniamazon.it.cart;
