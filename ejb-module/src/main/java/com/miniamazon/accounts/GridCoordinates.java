package com.miniamazon.accounts;

import java.util.Optional;

/**
 * The rule for a delivery point on the world's grid, shared by the address book and checkout: whole numbers
 * within a bound that keeps trucks' trips finite.
 */
public final class GridCoordinates {

    /** The largest distance from the origin on either axis that the store delivers to. */
    public static final int LIMIT = 10_000;

    private GridCoordinates() {}

    /** Why this coordinate is refused, or empty when it is fine. */
    public static Optional<String> problemWith(Integer coordinate) {
        if (coordinate == null) {
            return Optional.of("Enter a whole number.");
        }
        if (coordinate < -LIMIT || coordinate > LIMIT) {
            return Optional.of("Enter a number from " + -LIMIT + " to " + LIMIT + ".");
        }
        return Optional.empty();
    }
}
