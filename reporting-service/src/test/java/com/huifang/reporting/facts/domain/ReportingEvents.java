package com.huifang.reporting.facts.domain;

import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.events.IssueClosed;
import com.huifang.contracts.events.IssueEscalated;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother: events as the projections receive them, with deterministic ids. */
public final class ReportingEvents {

    public static final Instant T0 = Instant.parse("2026-10-20T00:00:00Z");

    private ReportingEvents() {
    }

    public static AppliedEvent event(String tenant, String name, Instant occurredAt, HuifangEvent payload) {
        UUID id = UUID.nameUUIDFromBytes((tenant + "/" + name).getBytes(StandardCharsets.UTF_8));
        return new AppliedEvent(id, tenant, occurredAt, payload);
    }

    public static AppliedEvent serviceEvent(String tenant, String seId, String category, String... staff) {
        return event(tenant, "se-" + seId, T0, new ServiceEventRecorded(seId, "c-" + seId, "DISCHARGED", T0, null,
                category, List.of(staff), "STAFF", null, Map.of()));
    }

    public static AppliedEvent planned(String tenant, String visitId, String seId, String plan, Instant dueAt,
                                       Instant deadlineAt, String channel, String agent) {
        return event(tenant, "planned-" + visitId, T0.plusSeconds(60), new VisitPlanned(visitId, "c-" + visitId, plan, 1,
                "main", seId, "tpl", dueAt.minusSeconds(86_400), dueAt, deadlineAt, channel, 2, agent, false));
    }

    public static AppliedEvent due(String tenant, String visitId, String plan, Instant dueAt, Instant deadlineAt,
                                   String channel, String agent) {
        return event(tenant, "due-" + visitId, dueAt, new VisitDue(visitId, "c-" + visitId, plan, "tpl", dueAt,
                deadlineAt, channel, 2, agent));
    }

    public static AppliedEvent attempted(String tenant, String visitId, String plan, int no, String outcome,
                                         String agent, Instant at) {
        return event(tenant, "attempt-" + visitId + "-" + no, at, new VisitAttempted(visitId, "c-" + visitId, plan, no,
                "PHONE", outcome, 25, 60, agent, at));
    }

    public static AppliedEvent completed(String tenant, String visitId, String plan, String result, String channel,
                                         String agent, Instant at, Instant deadline, boolean onTime, int attempts) {
        return event(tenant, "completed-" + visitId, at, new VisitCompleted(visitId, "c-" + visitId, plan, result,
                channel, agent, at, deadline, onTime, attempts));
    }

    public static AppliedEvent survey(String tenant, String visitId, String plan, String agent, Instant at,
                                      Double rating, Boolean satisfied, Integer nps, String npsClass, boolean raisesIssue,
                                      String... comments) {
        return event(tenant, "survey-" + visitId, at, new SurveySubmitted("r-" + visitId, visitId, "c-" + visitId, plan,
                "tpl", 1, agent, "PHONE", at, rating, satisfied, nps, npsClass, List.of(), false, null,
                List.of(comments), raisesIssue));
    }

    public static AppliedEvent issueRaised(String tenant, String issueId, String visitId, String severity, Instant at,
                                           String... staff) {
        return event(tenant, "raised-" + issueId, at, new IssueRaised(issueId, "c-x", visitId, "SERVICE", severity,
                visitId == null ? "STAFF" : "SURVEY", "CARE", List.of(staff), at));
    }

    public static AppliedEvent issueEscalated(String tenant, String issueId, String level, Instant at) {
        return event(tenant, "escalated-" + issueId + "-" + level, at,
                new IssueEscalated(issueId, "c-x", level, "SLA_MISSED", at));
    }

    public static AppliedEvent issueResolved(String tenant, String issueId, String visitId, boolean slaMet, Instant at) {
        return event(tenant, "resolved-" + issueId, at,
                new IssueResolved(issueId, "c-x", visitId, "SERVICE", "fixed", slaMet, at));
    }

    public static AppliedEvent issueClosed(String tenant, String issueId, Instant at) {
        return event(tenant, "closed-" + issueId, at, new IssueClosed(issueId, "c-x", "CONFIRMED", at));
    }
}
