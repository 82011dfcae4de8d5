package com.miniamazon.accounts;

import java.io.Serializable;

/** A saved destination as pages show it. */
public record Destination(long id, String label, int x, int y) implements Serializable {

    static Destination of(SavedDestination saved) {
        return new Destination(saved.getId(), saved.getLabel(), saved.getX(), saved.getY());
    }
}
