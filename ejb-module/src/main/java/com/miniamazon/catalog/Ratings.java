package com.miniamazon.catalog;

/** Star-rating arithmetic shared by the read models. */
public final class Ratings {

    private Ratings() {}

    /** Mean of {@code total} stars over {@code count} ratings, rounded to one decimal; 0 without ratings. */
    public static double average(int count, int total) {
        if (count <= 0) {
            return 0;
        }
        return Math.round(total * 10.0 / count) / 10.0;
    }
}
