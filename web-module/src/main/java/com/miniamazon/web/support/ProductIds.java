package com.miniamazon.web.support;

import com.miniamazon.infrastructure.NotFoundException;

/**
 * Reads an id from a URL parameter. Anything that is not a positive number is "not found" (404), like an id
 * that matches nothing: a mistyped or tampered URL gets the same friendly page.
 */
public final class ProductIds {

    private ProductIds() {}

    public static long parse(String parameter) {
        try {
            long id = Long.parseLong(parameter == null ? "" : parameter.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to "not found": the parameter is the visitor's typing, not our error.
        }
        throw new NotFoundException("no such id: " + parameter);
    }
}
