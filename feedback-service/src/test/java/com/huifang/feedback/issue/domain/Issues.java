package com.huifang.feedback.issue.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import com.huifang.feedback.routing.domain.RoutingRule;
import com.huifang.feedback.routing.domain.RoutingRules;
import com.huifang.feedback.sla.domain.EscalationPolicy;
import com.huifang.feedback.sla.domain.SlaClock;
import com.huifang.feedback.sla.domain.SlaPolicy;
import com.huifang.feedback.sla.domain.SlaSpan;
import com.huifang.feedback.sla.domain.SlaTargets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Object mother: a furniture retailer (seed 002) on the PRC calendar, business hours 09:00–12:00 and 13:00–18:00. */
public final class Issues {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final WorkingCalendar PRC = HolidayCalendars.prc();
    public static final DailyWindows HOURS = DailyWindows.parse("09:00-12:00, 13:00-18:00");
    public static final SlaClock CLOCK = new SlaClock(PRC, HOURS);
    public static final EscalationPolicy ESCALATION = EscalationPolicy.standard(CLOCK);

    public static final Actor HANDLER = new Actor("handler-li", Role.HANDLER);
    public static final Actor SUPERVISOR = new Actor("supervisor-wang", Role.SUPERVISOR);
    public static final Actor AGENT = new Actor("agent-zhao", Role.AGENT);

    /** Seed 002 §3.1.5–6; suggestions per seed 004 (五个工作日内). */
    public static final SlaPolicy SLA = new SlaPolicy(Map.of(
            "DELIVERY", new SlaTargets(SlaSpan.businessHours(2), SlaSpan.workingDays(2), false),
            "QUALITY", new SlaTargets(SlaSpan.businessHours(4), SlaSpan.workingDays(2), true),
            "SUGGESTION", new SlaTargets(SlaSpan.workingDays(1), SlaSpan.workingDays(5), false),
            "CONDUCT", new SlaTargets(SlaSpan.businessHours(4), SlaSpan.workingDays(5), false)));

    public static final RoutingRules ROUTING = new RoutingRules(List.of(
            RoutingRule.any("DELIVERY", "logistics", "logistics-queue"),
            RoutingRule.any("QUALITY", "after-sales", "after-sales-queue"),
            RoutingRule.any("SUGGESTION", "customer-service", "service-queue"),
            RoutingRule.any("CONDUCT", "customer-service", "service-queue"),
            RoutingRule.forSeverity("CONDUCT", Severity.NORMAL, "hr", "hr-queue")), "leadership-queue");

    public static final IssueRules RULES = new IssueRules(ROUTING, SLA, AttachmentPolicy.standard(), CLOCK);

    private Issues() {
    }

    /** A local date-time in Shanghai as an instant: {@code at("2026-03-13T17:00")}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public static RaiseIssue raise(String category, Severity severity) {
        return new RaiseIssue("issue-1", "tenant-a", category, severity, IssueSource.STAFF,
                "the wardrobe door does not close", "customer-1", Optional.of("visit-1"), List.of("installer-7"),
                List.of(), HANDLER);
    }

    public static Issue raised(String category, Instant at) {
        return Issue.raise(raise(category, Severity.NORMAL), RULES, at).issue();
    }

    /** An issue of {@code category} brought to {@code state} along the normal path, an hour per step. */
    public static Issue in(IssueState state, String category, Instant raisedAt) {
        var issue = raised(category, raisedAt);
        var t = raisedAt;
        if (state == IssueState.OPEN) {
            return issue;
        }
        issue.acknowledge(HANDLER, "called the customer back", CLOCK, t = t.plus(Duration.ofMinutes(30)));
        if (state == IssueState.ACKNOWLEDGED) {
            return issue;
        }
        issue.start(HANDLER, t = t.plus(Duration.ofMinutes(30)));
        if (state == IssueState.IN_PROGRESS) {
            return issue;
        }
        issue.resolve(HANDLER, "door hinge replaced", fixDateFor(issue), CLOCK, t = t.plus(Duration.ofHours(1)));
        if (state == IssueState.RESOLVED) {
            return issue;
        }
        issue.confirm(AGENT, "recontact-1", t = t.plus(Duration.ofHours(1)));
        if (state == IssueState.CONFIRMED) {
            return issue;
        }
        issue.close(AGENT, t.plus(Duration.ofMinutes(1)));
        return issue;
    }

    public static Optional<LocalDate> fixDateFor(Issue issue) {
        return issue.latestFixDate();
    }
}
