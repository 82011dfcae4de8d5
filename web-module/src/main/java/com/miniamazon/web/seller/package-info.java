/** The seller's pages: their own listings, the listing form with the picture upload. */
package com.miniamazon.web.seller;
