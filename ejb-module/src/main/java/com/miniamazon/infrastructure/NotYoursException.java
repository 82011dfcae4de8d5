package com.miniamazon.infrastructure;

import jakarta.ejb.ApplicationException;

/**
 * The thing exists and the caller may know it does (a product on sale), but it belongs to someone else, so the
 * caller may not change it. Reaches the caller unwrapped; pages answer 403.
 */
@ApplicationException(rollback = true)
public class NotYoursException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotYoursException(String message) {
        super(message);
    }
}
