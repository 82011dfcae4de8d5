package com.miniamazon.infrastructure;

import jakarta.ejb.ApplicationException;

/**
 * A service refused what the caller asked, for a reason the caller can fix (bad input, a rule of the store).
 * Reaches the caller as it is (not wrapped) and rolls the transaction back. The message is meant for people;
 * {@link #field()} names the form field it is about, or is {@code null} when it is about the whole request.
 */
@ApplicationException(rollback = true)
public class RequestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public RequestRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public RequestRefusedException(String message) {
        this(null, message);
    }

    /** The form field the refusal is about (such as {@code "password"}), or {@code null}. */
    public String field() {
        return field;
    }
}
