package com.huifang.customer.customer.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of validating an input: either a value or the list of everything wrong with it
 * (all errors at once, so a caller fixes a form or a row in one go).
 */
public sealed interface Validated<T> {

    static <T> Validated<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Validated<T> invalid(List<FieldError> errors) {
        return new Invalid<>(errors);
    }

    boolean isValid();

    /** The value, or {@link InvalidInputException} carrying the errors. */
    T orThrow();

    /** The errors; empty when valid. */
    List<FieldError> errors();

    <R> Validated<R> map(Function<? super T, ? extends R> f);

    record Valid<T>(T value) implements Validated<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public T orThrow() {
            return value;
        }

        @Override
        public List<FieldError> errors() {
            return List.of();
        }

        @Override
        public <R> Validated<R> map(Function<? super T, ? extends R> f) {
            return new Valid<>(f.apply(value));
        }
    }

    record Invalid<T>(List<FieldError> errors) implements Validated<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid outcome needs at least one error");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public T orThrow() {
            throw new InvalidInputException(errors);
        }

        @Override
        public <R> Validated<R> map(Function<? super T, ? extends R> f) {
            return new Invalid<>(errors);
        }
    }
}
