package com.huifang.platform.problem;

import java.util.List;

/**
 * An invalid field found by domain or adapter code; rendered as a {@link FieldProblem} in the
 * caller's language.
 *
 * @param field      path of the field ({@code customer.ref}, {@code /stages/0/timing/offset})
 * @param code       machine-readable reason
 * @param messageKey key in the {@code huifang/messages} bundles
 * @param args       arguments of the message
 */
public record InvalidField(String field, String code, String messageKey, List<Object> args) {

    public static InvalidField of(String field, String code, String messageKey, Object... args) {
        return new InvalidField(field, code, messageKey, List.of(args));
    }
}
