package com.huifang.reporting.quality.domain;

import java.util.List;

/**
 * A quality-review request the rules refuse. {@link Kind#INVALID} lists the fields at fault (400);
 * {@link Kind#OWN_VISIT} is a reviewer reviewing their own visit (403).
 */
public class QualityRuleException extends RuntimeException {

    public enum Kind { INVALID, OWN_VISIT }

    /** One field at fault, with its message bundle key and arguments. */
    public record Violation(String field, String code, String messageKey, List<Object> args) {
        public static Violation of(String field, String code, String messageKey, Object... args) {
            return new Violation(field, code, messageKey, List.of(args));
        }
    }

    private final Kind kind;
    private final transient List<Violation> violations;

    public QualityRuleException(Kind kind, List<Violation> violations) {
        super(kind + " " + violations);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static QualityRuleException invalid(String field, String code, String messageKey, Object... args) {
        return new QualityRuleException(Kind.INVALID, List.of(Violation.of(field, code, messageKey, args)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
