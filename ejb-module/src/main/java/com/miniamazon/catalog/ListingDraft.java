package com.miniamazon.catalog;

import java.io.Serializable;
import java.math.BigDecimal;

/** What a seller enters for a listing: shelf, name, description and price. */
public record ListingDraft(String categorySlug, String name, String description, BigDecimal price)
        implements Serializable {}
