package com.huifang.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * Validates a request object that was not bound by Spring (e.g. a body read as bytes to check a
 * signature first, or one item of a batch) with the same Bean Validation constraints and the same
 * localised field messages as a bound {@code @Valid} body.
 */
public class BodyValidator {

    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

    private final Validator validator;

    public BodyValidator(Validator validator) {
        this.validator = validator;
    }

    /** The invalid fields of {@code body}, sorted by field; empty when it is valid. */
    public List<InvalidField> check(Object body) {
        List<InvalidField> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(body)) {
            String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Map<String, Object> attrs = new TreeMap<>(v.getConstraintDescriptor().getAttributes());
            NOT_ARGUMENTS.forEach(attrs::remove);
            out.add(new InvalidField(v.getPropertyPath().toString(), code, "validation." + code,
                    List.copyOf(attrs.values())));
        }
        out.sort(Comparator.comparing(InvalidField::field));
        return out;
    }

    /** The body when valid, else a 400 problem listing every invalid field. */
    public <T> Mono<T> validate(T body) {
        List<InvalidField> invalid = check(body);
        return invalid.isEmpty() ? Mono.just(body) : Mono.error(ApiProblem.invalid(invalid));
    }
}
