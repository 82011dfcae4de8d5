package com.miniamazon.catalog;

/**
 * Something a shop page shows changed: a product's text, price, picture or listing state, its stock, a review or
 * rating, or the name shown for a seller or reviewer. Fired inside the changing transaction; {@link CatalogVersion}
 * counts it only once that transaction has committed.
 *
 * @param what a short description for the log, e.g. {@code "price of product 12"}
 */
public record CatalogChanged(String what) {}
