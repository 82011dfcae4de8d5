package com.miniamazon.administration;

import java.io.Serializable;

/** A warehouse as the admin page lists it. */
public record WarehouseRow(int id, String name, int x, int y) implements Serializable {}
