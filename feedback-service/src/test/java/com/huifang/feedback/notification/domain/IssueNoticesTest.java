package com.huifang.feedback.notification.domain;

import static com.huifang.feedback.issue.domain.Issues.SUPERVISOR;
import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.issue.domain.Issues;
import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.feedback.sla.domain.SlaAlert;
import com.huifang.feedback.sla.domain.SlaKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueNoticesTest {

    private static final Instant MON_9 = at("2026-03-09T09:00");
    private static final Map<String, List<String>> HEADS = Map.of("logistics", List.of("head-zhang", "head-liu"));

    private static List<String> recipients(List<Notice> notices) {
        return notices.stream().map(Notice::recipient).toList();
    }

    @Test
    void aWarningGoesToTheOwnerAndTheSupervisorsQueue() {
        Issue issue = Issues.raised("DELIVERY", MON_9);
        issue.assign(SUPERVISOR, "handler-zhou", MON_9);
        var events = issue.apply(new SlaAlert.Warning(SlaKind.FIRST_RESPONSE, Optional.of(at("2026-03-09T11:00"))),
                at("2026-03-09T10:40"));
        var notices = IssueNotices.of(issue, events, HEADS);
        assertThat(recipients(notices)).containsExactly("user:handler-zhou", "role:SUPERVISOR");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.SLA_WARNING);
            assertThat(n.detail()).isEqualTo("FIRST_RESPONSE");
            assertThat(n.dueAt()).isEqualTo(at("2026-03-09T11:00"));
            assertThat(n.message()).doesNotContain("wardrobe").doesNotContain("customer-1");
        });
    }

    @Test
    void aWarningOfAnIssueWithoutOwnerGoesToTheSupervisorsOnly() {
        Issue issue = Issues.raised("DELIVERY", MON_9);
        var events = issue.apply(new SlaAlert.Warning(SlaKind.FIRST_RESPONSE, Optional.empty()), at("2026-03-09T10:40"));
        assertThat(recipients(IssueNotices.of(issue, events, HEADS))).containsExactly("role:SUPERVISOR");
    }

    @Test
    void eachEscalationLevelGoesToItsOwnRecipients() {
        Issue issue = Issues.raised("DELIVERY", MON_9);
        var reason = "late";
        var supervisor = issue.apply(new SlaAlert.Escalation(EscalationLevel.SUPERVISOR, SlaKind.FIRST_RESPONSE, reason), MON_9);
        var head = issue.apply(new SlaAlert.Escalation(EscalationLevel.DEPARTMENT_HEAD, SlaKind.FIRST_RESPONSE, reason), MON_9);
        var leadership = issue.apply(new SlaAlert.Escalation(EscalationLevel.LEADERSHIP, SlaKind.FIRST_RESPONSE, reason), MON_9);
        assertThat(recipients(IssueNotices.of(issue, supervisor, HEADS))).containsExactly("role:SUPERVISOR");
        assertThat(recipients(IssueNotices.of(issue, head, HEADS))).containsExactly("user:head-zhang", "user:head-liu");
        assertThat(recipients(IssueNotices.of(issue, leadership, HEADS))).containsExactly("role:LEADERSHIP");
        assertThat(IssueNotices.of(issue, head, HEADS)).allSatisfy(n -> assertThat(n.kind()).isEqualTo(NoticeKind.ESCALATION));
    }

    @Test
    void aDepartmentWithoutNamedHeadsHasItsEscalationsSentToTheSupervisors() {
        Issue issue = Issues.raised("QUALITY", MON_9);
        var head = issue.apply(new SlaAlert.Escalation(EscalationLevel.DEPARTMENT_HEAD, SlaKind.RESOLUTION, "late"), MON_9);
        assertThat(recipients(IssueNotices.of(issue, head, HEADS))).containsExactly("role:SUPERVISOR");
    }

    @Test
    void anAssignmentGoesToTheNewOwnerAndEachAssignmentIsItsOwnNotice() {
        Issue issue = Issues.raised("DELIVERY", MON_9);
        var first = IssueNotices.of(issue, issue.assign(SUPERVISOR, "handler-zhou", MON_9), HEADS);
        var second = IssueNotices.of(issue, issue.assign(SUPERVISOR, "handler-zhou", MON_9.plusSeconds(60)), HEADS);
        assertThat(recipients(first)).containsExactly("user:handler-zhou");
        assertThat(first.get(0).kind()).isEqualTo(NoticeKind.ASSIGNMENT);
        assertThat(first.get(0).id()).isNotEqualTo(second.get(0).id());
    }

    @Test
    void theSameStepComputedTwiceGivesTheSameNoticeIds() {
        Issue a = Issues.raised("DELIVERY", MON_9);
        Issue b = Issues.raised("DELIVERY", MON_9);
        var alert = new SlaAlert.Escalation(EscalationLevel.SUPERVISOR, SlaKind.FIRST_RESPONSE, "late");
        List<IssueEvent> ea = a.apply(alert, MON_9);
        List<IssueEvent> eb = b.apply(alert, MON_9.plusSeconds(5));
        assertThat(IssueNotices.of(a, ea, HEADS).get(0).id()).isEqualTo(IssueNotices.of(b, eb, HEADS).get(0).id());
    }
}
