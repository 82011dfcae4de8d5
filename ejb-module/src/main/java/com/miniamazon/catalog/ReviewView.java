package com.miniamazon.catalog;

import java.io.Serializable;
import java.time.Instant;

/** A review as the product page shows it. */
public record ReviewView(long id, int rating, String title, String body, String authorName, Instant createdAt)
        implements Serializable {}
