package com.miniamazon.infrastructure;

import jakarta.ejb.ApplicationException;

/**
 * What the caller asked for does not exist, or is not theirs to see. The two are deliberately not told apart,
 * so that guessing ids reveals nothing. Reaches the caller unwrapped; pages answer 404.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
