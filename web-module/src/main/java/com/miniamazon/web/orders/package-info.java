/** Buying and following orders: checkout, order history, the order page with its live timeline and grid picture. */
package com.miniamazon.web.orders;
