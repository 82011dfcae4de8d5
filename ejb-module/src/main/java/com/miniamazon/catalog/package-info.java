/**
 * What is for sale and how customers find it: categories, products and their sellers' listings
 * ({@link com.miniamazon.catalog.ListingService}), typo-tolerant search ({@link com.miniamazon.catalog.SearchSql}),
 * pictures, reviews and star ratings, and recommendations.
 */
package com.miniamazon.catalog;
