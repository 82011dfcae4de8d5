/** What a shopper intends to buy: the session cart of a visitor, priced here, and a customer's saved cart. */
package com.miniamazon.cart;
