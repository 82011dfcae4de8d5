/** What is for sale: categories, products and their listings by sellers, and how customers find them. */
package com.miniamazon.catalog;
