package com.miniamazon.catalog;

import java.io.Serializable;
import java.time.Instant;

/** A product picture on its way to a browser: bytes, their type, and when they last changed (for caching). */
public record Picture(String contentType, byte[] content, Instant updatedAt) implements Serializable {}
