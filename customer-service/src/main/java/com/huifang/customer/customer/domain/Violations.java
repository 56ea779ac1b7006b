package com.huifang.customer.customer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects field errors while a validator walks an input, so all of them are reported at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String path, String code, String message) {
        errors.add(new FieldError(path, code, message));
        return this;
    }

    public Violations addAll(String prefix, List<FieldError> more) {
        more.forEach(e -> errors.add(e.under(prefix)));
        return this;
    }

    /** Adds a {@code required} error when {@code value} is null or blank; true when present. */
    public boolean required(String path, String value) {
        if (value == null || value.isBlank()) {
            add(path, "required", "is required");
            return false;
        }
        return true;
    }

    /** Adds a {@code too-long} error when {@code value} has more than {@code max} characters (code points). */
    public boolean maxLength(String path, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(path, "too-long", "must have at most " + max + " characters");
            return false;
        }
        return true;
    }

    public boolean maxSize(String path, java.util.Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            add(path, "too-many", "must have at most " + max + " entries");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** {@code valid(value.get())} when nothing was collected, else the collected errors. */
    public <T> Validated<T> result(Supplier<T> value) {
        return errors.isEmpty() ? Validated.valid(value.get()) : Validated.invalid(errors);
    }
}
