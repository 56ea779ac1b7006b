package com.huifang.feedback.routing.domain;

import com.huifang.feedback.issue.domain.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant rule: issues of this category (and, when given, this severity) go to this department
 * and owner queue. A rule with a severity is more specific than one without.
 */
public record RoutingRule(String categoryCode, Optional<Severity> severity, String department, String ownerQueue) {

    public RoutingRule {
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(ownerQueue, "ownerQueue");
        if (categoryCode.isBlank()) {
            throw new IllegalArgumentException("category code must not be blank");
        }
    }

    public static RoutingRule any(String categoryCode, String department, String ownerQueue) {
        return new RoutingRule(categoryCode, Optional.empty(), department, ownerQueue);
    }

    public static RoutingRule forSeverity(String categoryCode, Severity severity, String department, String ownerQueue) {
        return new RoutingRule(categoryCode, Optional.of(severity), department, ownerQueue);
    }

    boolean matches(String code, Severity s) {
        return categoryCode.equals(code) && severity.map(s::equals).orElse(true);
    }
}
