package com.huifang.customer.customer.domain;

import java.util.List;
import java.util.stream.Collectors;

/** An input broke domain rules; carries every field error (the web adapter answers 400). */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.path() + ": " + e.code()).collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
