/** Browsing the catalog in a real browser. */
package com.miniamazon.it.catalog;
