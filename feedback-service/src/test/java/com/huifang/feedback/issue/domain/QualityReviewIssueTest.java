package com.huifang.feedback.issue.domain;

import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An issue raised by a failed quality review: against the agent, who never handles it. */
class QualityReviewIssueTest {

    private static final QualityReviewFailure FAILED = new QualityReviewFailure("rev-1", "visit-9", "customer-1",
            "agent-zhao", "reviewer-zhou", 55.4, List.of("IDENTITY_CONFIRMED", "CLOSING_LINE"), "  未核实身份  ",
            "2026-02");

    private static Issue raised() {
        return Issue.raise(RaiseIssue.fromQualityReview("issue-q", "tenant-a", "CONDUCT", FAILED), Issues.RULES,
                at("2026-03-09T09:00")).issue();
    }

    @Test
    void theDescriptionNamesThePeriodScoreFailedItemsCommentAndReviewer() {
        assertThat(FAILED.description()).isEqualTo(
                "质检未通过 (2026-02), 得分 55/100; 未通过项: IDENTITY_CONFIRMED, CLOSING_LINE; 评语: 未核实身份; 质检员: reviewer-zhou");
        assertThat(new QualityReviewFailure("r", null, "c", "a", null, 70, null, null, null).description())
                .isEqualTo("质检未通过, 得分 70/100");
    }

    @Test
    void theIssueConcernsTheAgentComesFromTheReviewAndHasNoOwner() {
        var issue = raised();
        assertThat(issue.staffIds()).containsExactly("agent-zhao");
        assertThat(issue.source()).isEqualTo(IssueSource.QUALITY_REVIEW);
        assertThat(issue.severity()).isEqualTo(Severity.NORMAL);
        assertThat(issue.visitId()).contains("visit-9");
        assertThat(issue.owner()).isEmpty();
        assertThat(issue.department()).isEqualTo("hr"); // routed by the tenant's rules like any issue
    }

    @Test
    void theAgentConcernedCanNeitherBeAssignedNorTakeItByAcknowledging() {
        var issue = raised();
        assertThatThrownBy(() -> issue.assign(Issues.SUPERVISOR, "agent-zhao", at("2026-03-09T09:10")))
                .isInstanceOf(IssueRuleViolation.class);
        assertThatThrownBy(() -> issue.acknowledge(new Actor("agent-zhao", Role.HANDLER), "我来", Issues.CLOCK,
                at("2026-03-09T09:10"))).isInstanceOf(IssueRuleViolation.class);
        assertThat(issue.owner()).isEmpty();
        assertThat(issue.state()).isEqualTo(IssueState.OPEN);
        issue.assign(Issues.SUPERVISOR, "handler-li", at("2026-03-09T09:20"));
        assertThat(issue.owner()).contains("handler-li");
    }

    @Test
    void onAnyOtherIssueTheStaffConcernedMayBeAssigned() {
        var issue = Issues.raised("CONDUCT", at("2026-03-09T09:00"));
        issue.assign(Issues.SUPERVISOR, "installer-7", at("2026-03-09T09:10"));
        assertThat(issue.owner()).contains("installer-7");
    }
}
