package com.huifang.reporting.facts.domain;

import static com.huifang.reporting.facts.domain.ReportingEvents.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events of tenant "t1" (Asia/Shanghai) around November 2026 with hand-computed answers (see
 * {@code com.huifang.reporting.kpi.domain.FixtureKpiTests}). Agents a1 (team T1) and a2 (team T2),
 * both in department D1; service events se1 (住院, staff s1) and se2 (门诊, staff s2).
 *
 * <pre>
 * visit agent se  channel     attempts  result            survey                         issues
 * v1    a1    se1 PHONE       1         COMPLETED on time 5.0 satisfied nps 10 "护士很耐心"
 * v2    a1    se1 PHONE       2         COMPLETED late    3.5 unsatisfied nps 6, raises   i1 (resolved, SLA met, closed)
 * v3    a1    se2 PHONE       1 REFUSED REFUSED
 * v4    a1    se2 PHONE       0         CANCELLED
 * v5    a2    se1 HOME_VISIT  3         COMPLETED on time 4.0 satisfied nps 8 "建议增加周末回访" i3 (resolved, SLA missed)
 * v6    a2    se2 PHONE       3         FAILED
 * v7    a2    se2 PHONE       1         open
 * v8    a2    se2 PHONE       0         open (due 2026-11-01 01:00 local = 2026-10-31 UTC)
 * v9    a1    se1 PHONE       1         COMPLETED (due 2026-12-01 00:30 local: not November)
 * i2    no visit, staff s2, escalated to SUPERVISOR, open
 * other tenant "t2": one visit due in November, COMPLETED (never in t1's figures)
 * </pre>
 */
public final class NovemberFixture {

    public static final String TENANT = "t1";
    public static final Map<String, Placement> AGENTS = Map.of(
            "a1", new Placement("T1", "D1"),
            "a2", new Placement("T2", "D1"));
    public static final AgentDirectory DIRECTORY =
            (tenant, agent) -> AGENTS.getOrDefault(agent, Placement.UNKNOWN);

    private NovemberFixture() {
    }

    static Instant at(String isoUtc) {
        return Instant.parse(isoUtc);
    }

    public static List<AppliedEvent> events() {
        String t = TENANT;
        List<AppliedEvent> e = new ArrayList<>();
        e.add(serviceEvent(t, "se1", "住院", "s1"));
        e.add(serviceEvent(t, "se2", "门诊", "s2"));
        visit(e, "v1", "se1", "a1", "PHONE", at("2026-11-03T02:00:00Z"));
        e.add(attempted(t, "v1", "P1", 1, "REACHED", "a1", at("2026-11-03T02:10:00Z")));
        e.add(completed(t, "v1", "P1", "COMPLETED", "PHONE", "a1", at("2026-11-03T02:20:00Z"),
                at("2026-11-10T00:00:00Z"), true, 1));
        e.add(survey(t, "v1", "P1", "a1", at("2026-11-03T02:20:00Z"), 5.0, true, 10, "PROMOTER", false, "护士很耐心"));

        visit(e, "v2", "se1", "a1", "PHONE", at("2026-11-05T02:00:00Z"));
        e.add(attempted(t, "v2", "P1", 1, "NO_ANSWER", "a1", at("2026-11-05T02:10:00Z")));
        e.add(attempted(t, "v2", "P1", 2, "REACHED", "a1", at("2026-11-16T07:10:00Z")));
        e.add(completed(t, "v2", "P1", "COMPLETED", "PHONE", "a1", at("2026-11-16T07:30:00Z"),
                at("2026-11-15T00:00:00Z"), false, 2));
        e.add(survey(t, "v2", "P1", "a1", at("2026-11-16T07:30:00Z"), 3.5, false, 6, "DETRACTOR", true));
        e.add(issueRaised(t, "i1", "v2", "NORMAL", at("2026-11-16T08:00:00Z"), "s1"));
        e.add(issueResolved(t, "i1", "v2", true, at("2026-11-16T09:00:00Z")));
        e.add(issueClosed(t, "i1", at("2026-11-18T09:00:00Z")));

        visit(e, "v3", "se2", "a1", "PHONE", at("2026-11-06T02:00:00Z"));
        e.add(attempted(t, "v3", "P1", 1, "REFUSED", "a1", at("2026-11-06T02:05:00Z")));
        e.add(completed(t, "v3", "P1", "REFUSED", "PHONE", "a1", at("2026-11-06T02:05:00Z"), null, false, 1));

        visit(e, "v4", "se2", "a1", "PHONE", at("2026-11-07T02:00:00Z"));
        e.add(completed(t, "v4", "P1", "CANCELLED", "PHONE", "a1", at("2026-11-06T12:00:00Z"), null, false, 0));

        visit(e, "v5", "se1", "a2", "PHONE", at("2026-11-10T02:00:00Z"));
        e.add(attempted(t, "v5", "P1", 1, "NO_ANSWER", "a2", at("2026-11-10T02:10:00Z")));
        e.add(attempted(t, "v5", "P1", 2, "NO_ANSWER", "a2", at("2026-11-10T07:10:00Z")));
        e.add(attempted(t, "v5", "P1", 3, "NO_ANSWER", "a2", at("2026-11-11T02:10:00Z")));
        e.add(completed(t, "v5", "P1", "COMPLETED", "HOME_VISIT", "a2", at("2026-11-12T03:00:00Z"),
                at("2026-11-20T00:00:00Z"), true, 3));
        e.add(survey(t, "v5", "P1", "a2", at("2026-11-12T03:00:00Z"), 4.0, true, 8, null, false,
                "建议增加周末回访", " "));
        e.add(issueRaised(t, "i3", "v5", "MAJOR", at("2026-11-12T04:00:00Z")));
        e.add(issueResolved(t, "i3", "v5", false, at("2026-11-14T04:00:00Z")));

        visit(e, "v6", "se2", "a2", "PHONE", at("2026-11-11T02:00:00Z"));
        for (int no = 1; no <= 3; no++) {
            e.add(attempted(t, "v6", "P1", no, "NO_ANSWER", "a2", at("2026-11-11T02:00:00Z").plusSeconds(3600L * no)));
        }
        e.add(completed(t, "v6", "P1", "FAILED", "PHONE", "a2", at("2026-11-13T02:00:00Z"), null, false, 3));

        visit(e, "v7", "se2", "a2", "PHONE", at("2026-11-20T02:00:00Z"));
        e.add(attempted(t, "v7", "P1", 1, "BUSY", "a2", at("2026-11-20T02:10:00Z")));

        visit(e, "v8", "se2", "a2", "PHONE", at("2026-10-31T17:00:00Z"));

        visit(e, "v9", "se1", "a1", "PHONE", at("2026-11-30T16:30:00Z"));
        e.add(attempted(t, "v9", "P1", 1, "REACHED", "a1", at("2026-11-30T16:40:00Z")));
        e.add(completed(t, "v9", "P1", "COMPLETED", "PHONE", "a1", at("2026-11-30T16:50:00Z"), null, true, 1));

        e.add(issueRaised(t, "i2", null, "NORMAL", at("2026-11-20T03:00:00Z"), "s2"));
        e.add(issueEscalated(t, "i2", "SUPERVISOR", at("2026-11-21T03:00:00Z")));

        // another tenant: never in t1's figures
        e.add(planned("t2", "v1", "se1", "P1", at("2026-11-03T02:00:00Z"), null, "PHONE", "a1"));
        e.add(completed("t2", "v1", "P1", "COMPLETED", "PHONE", "a1", at("2026-11-03T03:00:00Z"), null, true, 1));
        return e;
    }

    private static void visit(List<AppliedEvent> e, String visitId, String seId, String agent, String channel,
                              Instant dueAt) {
        e.add(planned(TENANT, visitId, seId, "P1", dueAt, dueAt.plus(java.time.Duration.ofDays(7)), channel, agent));
        e.add(due(TENANT, visitId, "P1", dueAt, dueAt.plus(java.time.Duration.ofDays(7)), channel, agent));
    }

    public static ReportingProjection project(List<AppliedEvent> events) {
        ReportingProjection p = new ReportingProjection(DIRECTORY, tenant -> DimensionSource.DEFAULT_ZONE);
        p.applyAll(events);
        return p;
    }
}
