package com.huifang.customer.support;

import com.huifang.customer.customer.domain.FieldError;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import java.util.List;
import java.util.Set;

/** Domain field errors as the platform's 400 problem; known codes have localised messages. */
public final class DomainProblems {

    /** Codes with a message {@code customer.field.<code>} in both bundles. */
    private static final Set<String> LOCALISED = Set.of("required", "too-long", "too-many", "phone-format",
            "email-format", "unknown-code", "id-number-format", "id-number-checksum", "duplicate", "primary",
            "window-format", "window-order", "time-zone", "id-format", "attribute-key", "customer-ref-format",
            "event-id-format", "in-future", "date-time-format", "not-after-occurred", "amount", "date-format");

    private DomainProblems() {
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return ApiProblem.invalid(errors.stream().map(DomainProblems::field).toList());
    }

    public static InvalidField field(FieldError e) {
        String key = LOCALISED.contains(e.code()) ? "customer.field." + e.code() : e.message();
        return InvalidField.of(e.path().isEmpty() ? "$" : e.path(), e.code(), key);
    }
}
