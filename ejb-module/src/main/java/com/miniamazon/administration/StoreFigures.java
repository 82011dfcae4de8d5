package com.miniamazon.administration;

import java.io.Serializable;

/** Head counts for the admin dashboard. */
public record StoreFigures(long accounts, long sellers, long productsOnSale) implements Serializable {}
