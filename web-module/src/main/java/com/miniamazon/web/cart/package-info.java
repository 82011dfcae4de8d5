/** The cart in the browser: the session cart of every shopper and the cart page. */
package com.miniamazon.web.cart;
