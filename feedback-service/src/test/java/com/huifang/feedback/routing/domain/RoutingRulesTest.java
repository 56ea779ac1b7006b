package com.huifang.feedback.routing.domain;

import static com.huifang.feedback.issue.domain.Issues.ROUTING;
import static com.huifang.feedback.issue.domain.Issues.SLA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.feedback.issue.domain.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    @Test
    void categoryRoutesToItsDepartmentAndQueue() {
        assertThat(ROUTING.route("QUALITY", Severity.NORMAL)).isEqualTo(new Route("after-sales", "after-sales-queue", false));
    }

    @Test
    void ruleForTheSeverityWinsOverTheCategoryDefault() {
        assertThat(ROUTING.route("CONDUCT", Severity.NORMAL)).isEqualTo(new Route("hr", "hr-queue", false));
    }

    @Test
    void majorIssueGoesStraightToLeadershipKeepingItsDepartment() {
        assertThat(ROUTING.route("QUALITY", Severity.MAJOR)).isEqualTo(new Route("after-sales", "leadership-queue", true));
        assertThat(ROUTING.route("CONDUCT", Severity.MAJOR)).isEqualTo(new Route("customer-service", "leadership-queue", true));
    }

    @Test
    void unknownCategoryCodeIsRejectedWithTheCode() {
        assertThatThrownBy(() -> ROUTING.route("quality", Severity.NORMAL))
                .isInstanceOfSatisfying(UnknownCategoryException.class, e -> assertThat(e.code()).isEqualTo("quality"))
                .hasMessageContaining("quality");
        assertThat(ROUTING.knows("QUALITY")).isTrue();
        assertThat(ROUTING.knows("quality")).isFalse();
    }

    @Test
    void unknownCategoryHasNoSlaTargetsEither() {
        assertThatThrownBy(() -> SLA.targetsFor("NOPE")).isInstanceOf(UnknownCategoryException.class);
    }

    @Test
    void categoryWithoutADefaultRuleIsAConfigurationError() {
        assertThatThrownBy(() -> new RoutingRules(List.of(
                RoutingRule.forSeverity("BILLING", Severity.NORMAL, "finance", "finance-queue")), "leaders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BILLING");
    }

    @Test
    void twoDefaultRulesForOneCategoryAreAConfigurationError() {
        assertThatThrownBy(() -> new RoutingRules(List.of(
                RoutingRule.any("BILLING", "finance", "q1"), RoutingRule.any("BILLING", "sales", "q2")), "leaders"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
