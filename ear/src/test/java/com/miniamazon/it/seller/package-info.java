/** Seller pages in a real browser. */
package com.miniamazon.it.seller;
