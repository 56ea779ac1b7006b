package com.huifang.feedback.sla.domain;

import static com.huifang.feedback.issue.domain.Issues.CLOCK;
import static com.huifang.feedback.issue.domain.Issues.ESCALATION;
import static com.huifang.feedback.issue.domain.Issues.HANDLER;
import static com.huifang.feedback.issue.domain.Issues.RULES;
import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.issue.domain.IssueState;
import com.huifang.feedback.issue.domain.Issues;
import com.huifang.feedback.issue.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery issue raised Monday 9 March 2026 09:00: first response 2 h (due 11:00), resolution 2 working days (16 h). */
class EscalationPolicyTest {

    private static final Instant MON_9 = at("2026-03-09T09:00");

    private static Issue delivery() {
        return Issues.raised("DELIVERY", MON_9);
    }

    private static List<IssueEvent> sweep(Issue issue, Instant now) {
        return issue.applyAll(ESCALATION.due(issue, now), now);
    }

    @Test
    void nothingIsDueBeforeEightyPercentOfTheBudget() {
        assertThat(ESCALATION.due(delivery(), at("2026-03-09T10:30"))).isEmpty();
    }

    @Test
    void warningAtEightyPercentIsSentOnce() {
        var issue = delivery();
        var now = at("2026-03-09T10:36");
        var alerts = ESCALATION.due(issue, now);
        assertThat(alerts).singleElement().isEqualTo(new SlaAlert.Warning(SlaKind.FIRST_RESPONSE, Optional.of(at("2026-03-09T11:00"))));
        assertThat(issue.applyAll(alerts, now)).singleElement().isInstanceOf(IssueEvent.SlaWarning.class);
        assertThat(ESCALATION.due(issue, now)).isEmpty();
        assertThat(ESCALATION.due(issue, at("2026-03-09T10:59"))).isEmpty();
    }

    @Test
    void firstSweepAfterTheBreachEscalatesToTheSupervisorWithoutAWarning() {
        var alerts = ESCALATION.due(delivery(), at("2026-03-09T11:01"));
        assertThat(alerts).singleElement().isInstanceOfSatisfying(SlaAlert.Escalation.class, e -> {
            assertThat(e.level()).isEqualTo(EscalationLevel.SUPERVISOR);
            assertThat(e.clock()).isEqualTo(SlaKind.FIRST_RESPONSE);
        });
    }

    @Test
    void exactlyOnTheDueInstantIsNotYetABreach() {
        assertThat(ESCALATION.due(delivery(), at("2026-03-09T11:00")))
                .noneMatch(a -> a instanceof SlaAlert.Escalation);
    }

    @Test
    void levelsFollowSupervisorDepartmentHeadLeadershipAsTheOverrunGrows() {
        var issue = delivery();
        assertThat(sweep(issue, at("2026-03-09T10:40"))).hasSize(1);                 // warning
        assertThat(levels(sweep(issue, at("2026-03-09T11:01")))).containsExactly(EscalationLevel.SUPERVISOR);
        assertThat(sweep(issue, at("2026-03-09T12:00"))).isEmpty();                  // 150 % is 3 h: 12:00 + lunch
        assertThat(levels(sweep(issue, at("2026-03-09T13:01")))).containsExactly(EscalationLevel.DEPARTMENT_HEAD);
        assertThat(levels(sweep(issue, at("2026-03-09T14:01")))).containsExactly(EscalationLevel.LEADERSHIP);
        assertThat(sweep(issue, at("2026-03-20T14:00"))).isEmpty();
        assertThat(issue.escalationLevel()).isEqualTo(EscalationLevel.LEADERSHIP);
    }

    @Test
    void lateSweepReturnsEveryLevelPassedLowestFirst() {
        var issue = delivery();
        var events = sweep(issue, at("2026-03-10T09:00"));
        assertThat(levels(events)).containsExactly(EscalationLevel.SUPERVISOR, EscalationLevel.DEPARTMENT_HEAD,
                EscalationLevel.LEADERSHIP);
    }

    @Test
    void applyingTheSameAlertsTwiceEmitsNothingTheSecondTime() {
        var issue = delivery();
        var now = at("2026-03-09T13:30");
        var alerts = ESCALATION.due(issue, now);
        assertThat(issue.applyAll(alerts, now)).hasSize(2);
        assertThat(issue.applyAll(alerts, now)).isEmpty();
        assertThat(ESCALATION.due(issue, now)).isEmpty();
        assertThat(issue.audit()).filteredOn(a -> a.action() == com.huifang.feedback.issue.domain.IssueAction.ESCALATE)
                .hasSize(2);
    }

    @Test
    void majorIssueStartsAtLeadershipSoNoLowerStepIsEverDue() {
        var issue = Issue.raise(Issues.raise("DELIVERY", Severity.MAJOR), RULES, MON_9).issue();
        assertThat(ESCALATION.due(issue, at("2026-03-20T09:00")))
                .noneMatch(a -> a instanceof SlaAlert.Escalation);
    }

    @Test
    void issueWaitingOnTheCustomerDoesNotEscalate() {
        var issue = delivery();
        issue.waitOnCustomer(HANDLER, "customer abroad until Friday", at("2026-03-09T10:00"));
        assertThat(ESCALATION.due(issue, at("2026-03-13T17:00"))).isEmpty();
        issue.customerReplied(HANDLER, at("2026-03-16T09:00"));
        // 1 h counted before the pause: 1 h 59 min at 09:59 is past 80 % but not yet a breach
        assertThat(ESCALATION.due(issue, at("2026-03-16T09:59"))).singleElement().isInstanceOf(SlaAlert.Warning.class);
        assertThat(levels(sweep(issue, at("2026-03-16T10:01")))).containsExactly(EscalationLevel.SUPERVISOR);
    }

    @Test
    void acknowledgedIssueEscalatesOnlyOnItsResolutionClock() {
        var issue = delivery();
        issue.acknowledge(HANDLER, "called", CLOCK, at("2026-03-09T10:00"));
        assertThat(ESCALATION.due(issue, at("2026-03-09T15:00"))).isEmpty();
        // resolution: 16 business hours = Tuesday 18:00; 80 % = 12 h 48 min = Tuesday 14:48 (lunch excluded)
        assertThat(ESCALATION.due(issue, at("2026-03-10T14:47"))).isEmpty();
        assertThat(ESCALATION.due(issue, at("2026-03-10T14:48"))).singleElement()
                .isEqualTo(new SlaAlert.Warning(SlaKind.RESOLUTION, Optional.of(at("2026-03-10T18:00"))));
        assertThat(ESCALATION.due(issue, at("2026-03-11T09:01"))).singleElement()
                .isInstanceOfSatisfying(SlaAlert.Escalation.class, e -> assertThat(e.clock()).isEqualTo(SlaKind.RESOLUTION));
    }

    @Test
    void resolvedAndClosedIssuesAreNeverEscalated() {
        var resolved = Issues.in(IssueState.RESOLVED, "DELIVERY", MON_9);
        assertThat(ESCALATION.due(resolved, at("2026-04-01T09:00"))).isEmpty();
        var closed = Issues.in(IssueState.CLOSED, "DELIVERY", MON_9);
        assertThat(ESCALATION.due(closed, at("2026-04-01T09:00"))).isEmpty();
        assertThat(closed.apply(new SlaAlert.Escalation(EscalationLevel.SUPERVISOR, SlaKind.RESOLUTION, "late"),
                at("2026-04-01T09:00"))).isEmpty();
    }

    @Test
    void readingsShowOverdueAndAboutToBreachClocks() {
        var readings = ESCALATION.readings(delivery(), at("2026-03-09T10:45"));
        assertThat(readings).extracting(SlaReading::status).containsExactly(SlaStatus.AT_RISK, SlaStatus.ON_TRACK);
    }

    @Test
    void sharesMustStartAtTheBreachAndIncrease() {
        assertThatThrownBy(() -> new EscalationPolicy(CLOCK, 0.8, Map.of(EscalationLevel.SUPERVISOR, 0.9,
                EscalationLevel.DEPARTMENT_HEAD, 1.5, EscalationLevel.LEADERSHIP, 2.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationPolicy(CLOCK, 0.8, Map.of(EscalationLevel.SUPERVISOR, 1.0,
                EscalationLevel.DEPARTMENT_HEAD, 2.0, EscalationLevel.LEADERSHIP, 1.5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationPolicy(CLOCK, 1.2, Map.of(EscalationLevel.SUPERVISOR, 1.0,
                EscalationLevel.DEPARTMENT_HEAD, 1.5, EscalationLevel.LEADERSHIP, 2.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextAlertIsTheWarningThenTheBreachThenEachFurtherLevel() {
        var issue = delivery();
        assertThat(ESCALATION.nextAlertAt(issue, MON_9)).contains(at("2026-03-09T10:36"));
        assertThat(ESCALATION.nextAlertAt(issue, at("2026-03-09T10:36"))).contains(at("2026-03-09T10:36"));
        sweep(issue, at("2026-03-09T10:36"));
        assertThat(ESCALATION.nextAlertAt(issue, at("2026-03-09T10:36"))).contains(at("2026-03-09T11:00").plusNanos(1));
        sweep(issue, at("2026-03-09T11:00").plusNanos(1));
        // 150 % of 2 h: 3 h after 09:00, lunch excluded
        assertThat(ESCALATION.nextAlertAt(issue, at("2026-03-09T11:05"))).contains(at("2026-03-09T13:00").plusNanos(1));
    }

    @Test
    void noNextAlertWhileWaitingOnTheCustomerOrOnceResolved() {
        var waiting = delivery();
        waiting.waitOnCustomer(HANDLER, "customer abroad", at("2026-03-09T10:00"));
        assertThat(ESCALATION.nextAlertAt(waiting, at("2026-03-09T10:00"))).isEmpty();
        var resolved = Issues.in(IssueState.RESOLVED, "DELIVERY", MON_9);
        assertThat(ESCALATION.nextAlertAt(resolved, at("2026-03-20T10:00"))).isEmpty();
    }

    static List<EscalationLevel> levels(List<IssueEvent> events) {
        return events.stream().filter(e -> e instanceof IssueEvent.Escalated)
                .map(e -> ((IssueEvent.Escalated) e).level()).toList();
    }
}
