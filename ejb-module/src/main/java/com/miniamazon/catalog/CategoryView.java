package com.miniamazon.catalog;

import java.io.Serializable;

/** A category as menus and filters show it. */
public record CategoryView(long id, String name, String slug) implements Serializable {}
