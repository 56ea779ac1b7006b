package com.huifang.customer.customer.domain;

import java.util.Objects;

/**
 * One invalid field of an input, found by a domain rule. Maps one to one onto the platform's
 * {@code FieldProblem} in a 400 problem response.
 *
 * @param path    where the value sits in the input, e.g. {@code phones[1].number}, {@code attributes.amount}
 * @param code    machine-readable reason, e.g. {@code required}, {@code too-long}, {@code phone-format}
 * @param message the reason for a person
 */
public record FieldError(String path, String code, String message) {

    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The same error, with its path placed under {@code prefix} ({@code phones[0]} + {@code number}). */
    public FieldError under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        return new FieldError(path.isEmpty() ? prefix : prefix + "." + path, code, message);
    }
}
