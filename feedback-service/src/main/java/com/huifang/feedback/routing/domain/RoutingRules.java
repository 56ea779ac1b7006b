package com.huifang.feedback.routing.domain;

import com.huifang.feedback.issue.domain.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's category → department routing. Major issues (strong dissatisfaction, misconduct,
 * falsified records) go straight to the leadership queue, whatever the rules say: seed 004
 * (客户回访制度, 重大异常问题) requires them to be reported to leadership, who investigate and call back.
 * The department of the matching rule is kept so that reports by department still count them.
 */
public final class RoutingRules {

    private final List<RoutingRule> rules;
    private final String leadershipQueue;

    public RoutingRules(List<RoutingRule> rules, String leadershipQueue) {
        this.rules = List.copyOf(rules);
        this.leadershipQueue = Objects.requireNonNull(leadershipQueue, "leadershipQueue");
        for (var code : categoryCodes()) {
            var generic = this.rules.stream().filter(r -> r.categoryCode().equals(code) && r.severity().isEmpty()).count();
            // every category needs exactly one default rule, so that a known code always routes
            if (generic != 1) {
                throw new IllegalArgumentException(
                        "category " + code + " needs exactly one rule without severity, has " + generic);
            }
        }
    }

    /** @throws UnknownCategoryException when no rule names this category code */
    public Route route(String categoryCode, Severity severity) {
        Objects.requireNonNull(severity, "severity");
        var rule = rules.stream()
                .filter(r -> r.matches(categoryCode, severity))
                .max(Comparator.comparing(r -> r.severity().isPresent()))
                .orElseThrow(() -> new UnknownCategoryException(categoryCode));
        if (severity == Severity.MAJOR) {
            return new Route(rule.department(), leadershipQueue, true);
        }
        return new Route(rule.department(), rule.ownerQueue(), false);
    }

    public boolean knows(String categoryCode) {
        return categoryCodes().contains(categoryCode);
    }

    public Set<String> categoryCodes() {
        return rules.stream().map(RoutingRule::categoryCode).collect(Collectors.toUnmodifiableSet());
    }
}
