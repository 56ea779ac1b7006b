package com.huifang.platform.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be honoured for a reason the caller can understand and act on. Domain code
 * throws it (or returns it in a {@code Mono.error}); the one problem handler turns it into RFC 9457
 * problem+json with a localised title and detail.
 *
 * <p>{@code messageKey} is looked up in the {@code huifang/messages/*} bundles with {@code args};
 * {@code properties} become extra members of the problem (e.g. {@code allowed} transitions).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageKey;
    private final transient Object[] args;
    private final List<InvalidField> invalidFields;
    private final transient Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String code, String messageKey, Object... args) {
        this(status, code, messageKey, args, List.of(), Map.of());
    }

    public ApiProblem(HttpStatus status, String code, String messageKey, Object[] args,
                      List<InvalidField> invalidFields, Map<String, Object> properties) {
        super(code + ": " + messageKey + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args)));
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.invalidFields = List.copyOf(invalidFields);
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "problem.not-found", what, id);
    }

    public static ApiProblem conflict(String code, String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.CONFLICT, code, messageKey, args);
    }

    public static ApiProblem forbidden(String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", messageKey, args);
    }

    /** A 400 listing invalid fields. */
    public static ApiProblem invalid(List<InvalidField> fields) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation", new Object[0], fields,
                Map.of());
    }

    /** A 400 for one invalid field whose message is a bundle key. */
    public static ApiProblem invalidField(String field, String code, String messageKey, Object... args) {
        return invalid(List.of(InvalidField.of(field, code, messageKey, args)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<InvalidField> invalidFields() {
        return invalidFields;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
