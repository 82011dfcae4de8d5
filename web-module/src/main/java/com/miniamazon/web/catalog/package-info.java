/** The catalog in the browser: home grid, search and browse with filters, product page, pictures, reviews. */
package com.miniamazon.web.catalog;
