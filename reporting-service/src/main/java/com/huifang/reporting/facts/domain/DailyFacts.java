package com.huifang.reporting.facts.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns visit and issue facts into daily facts. Daily facts are a pure function of the visit,
 * issue and service-event facts ({@link #rebuild}); an adapter may also keep them up to date
 * incrementally: when a fact changes, subtract the old {@link #contribution} and add the new one.
 */
public final class DailyFacts {

    private final DimensionSource source;
    private final Map<DailyFactKey, Counters> rows = new HashMap<>();
    private final Map<StaffKey, StaffDailyFact> staff = new HashMap<>();

    private record StaffKey(String tenantId, LocalDate date, String staffId) {
    }

    public DailyFacts(DimensionSource source) {
        this.source = source;
    }

    /**
     * Rebuilds every daily fact from scratch.
     *
     * @param visitOf looks up the visit fact an issue came from (tenant, visit id), null when unknown
     */
    public static DailyFacts rebuild(DimensionSource source, Iterable<VisitFact> visits, Iterable<IssueFact> issues,
                                     Function<IssueFact, VisitFact> visitOf) {
        DailyFacts facts = new DailyFacts(source);
        for (VisitFact v : visits) {
            facts.addVisit(v);
        }
        for (IssueFact i : issues) {
            facts.addIssue(i, visitOf.apply(i));
        }
        return facts;
    }

    public DailyFacts addVisit(VisitFact visit) {
        VisitDimensions d = visit.dimensions(source);
        if (d != null) {
            count(visit, rows.computeIfAbsent(d.key(visit.tenantId()), k -> new Counters()));
            if (visit.result() == VisitResult.COMPLETED && visit.serviceEventId() != null) {
                source.serviceEvent(visit.tenantId(), visit.serviceEventId()).ifPresent(se -> {
                    for (String s : se.staffIds()) {
                        addStaff(visit.tenantId(), d.dueDate(), s, 1, 0);
                    }
                });
            }
        }
        return this;
    }

    public DailyFacts addIssue(IssueFact issue, VisitFact fromVisit) {
        DailyFact c = contribution(issue, fromVisit, source);
        if (c != null) {
            rows.computeIfAbsent(c.key(), k -> new Counters()).addAll(c.counters());
            for (String s : issue.staffIds()) {
                addStaff(issue.tenantId(), c.key().date(), s, 0, 1);
            }
        }
        return this;
    }

    private void addStaff(String tenantId, LocalDate date, String staffId, long visits, long complaints) {
        staff.merge(new StaffKey(tenantId, date, staffId), new StaffDailyFact(tenantId, date, staffId, visits, complaints),
                (a, b) -> a.plus(b.visitsDone(), b.complaints()));
    }

    /** The daily facts, one per key with non-zero counters. */
    public List<DailyFact> facts() {
        List<DailyFact> out = new ArrayList<>(rows.size());
        rows.forEach((k, c) -> {
            if (!c.isZero()) {
                out.add(new DailyFact(k, c.copy()));
            }
        });
        return out;
    }

    /** Index by key, for comparing two builds. */
    public Map<DailyFactKey, Counters> asMap() {
        Map<DailyFactKey, Counters> m = new HashMap<>();
        rows.forEach((k, c) -> {
            if (!c.isZero()) {
                m.put(k, c.copy());
            }
        });
        return m;
    }

    public List<StaffDailyFact> staffFacts() {
        return new ArrayList<>(staff.values());
    }

    /** What one visit adds to its daily fact row; null while it has no due time. */
    public static DailyFact contribution(VisitFact v, DimensionSource source) {
        VisitDimensions d = v.dimensions(source);
        if (d == null) {
            return null;
        }
        Counters c = new Counters();
        count(v, c);
        return new DailyFact(d.key(v.tenantId()), c);
    }

    /** Adds what one visit counts to {@code c}. */
    private static void count(VisitFact v, Counters c) {
        c.increment(Counter.DUE);
        if (v.attempted()) {
            c.increment(Counter.ATTEMPTED);
        }
        VisitResult result = v.result();
        if (result == null) {
            c.increment(Counter.OPEN);
        } else {
            switch (result) {
                case COMPLETED -> {
                    c.increment(Counter.SUCCESSFUL);
                    if (v.onTime()) {
                        c.increment(Counter.SUCCESSFUL_ON_TIME);
                    }
                    String ch = v.channel();
                    if ("HOME_VISIT".equals(ch) || "LETTER".equals(ch)) {
                        c.increment(Counter.HOME_VISIT_OR_LETTER);
                    }
                    if (v.raisedIssue()) {
                        c.increment(Counter.VISITS_RAISING_ISSUE);
                    }
                }
                case REFUSED -> c.increment(Counter.REFUSED);
                case CANCELLED -> c.increment(Counter.CANCELLED_BEFORE_VISIT);
                case FAILED -> c.increment(Counter.FAILED);
            }
        }
        if (v.survey() != null) {
            c.increment(Counter.SURVEYS);
            Boolean satisfied = v.satisfied();
            if (satisfied != null) {
                c.increment(Counter.CSAT_ANSWERS);
                if (satisfied) {
                    c.increment(Counter.SATISFIED);
                }
            }
            Double rating = v.rating();
            if (rating != null && !rating.isNaN()) {
                c.increment(Counter.RATING_COUNT).add(Counter.RATING_SUM_MILLI, Math.round(rating * 1000));
            }
            String npsClass = v.npsClass();
            if (npsClass != null) {
                switch (npsClass) {
                    case "PROMOTER" -> c.increment(Counter.PROMOTERS).increment(Counter.NPS_ANSWERS);
                    case "PASSIVE" -> c.increment(Counter.PASSIVES).increment(Counter.NPS_ANSWERS);
                    case "DETRACTOR" -> c.increment(Counter.DETRACTORS).increment(Counter.NPS_ANSWERS);
                    default -> {
                        // an unknown class from a newer producer is not counted
                    }
                }
            }
        }
    }

    /**
     * What one issue adds, on the tenant-local date it was raised, under the dimensions of the visit
     * it came from (unknown dimensions when it has none); null until IssueRaised was seen.
     */
    public static DailyFact contribution(IssueFact issue, VisitFact fromVisit, DimensionSource source) {
        if (issue.raisedAt() == null) {
            return null;
        }
        LocalDate date = issue.raisedAt().atZone(source.zoneOf(issue.tenantId())).toLocalDate();
        VisitDimensions d = fromVisit == null ? null : fromVisit.dimensions(source);
        DailyFactKey key = d == null ? DailyFactKey.unknownDimensions(issue.tenantId(), date)
                : new DailyFactKey(issue.tenantId(), date, d.plan(), d.category(), d.agent(), d.team(), d.department(),
                d.channel());
        Counters c = new Counters().increment(Counter.ISSUES_RAISED);
        if (issue.major()) {
            c.increment(Counter.ISSUES_MAJOR);
        }
        if (issue.escalated()) {
            c.increment(Counter.ISSUES_ESCALATED);
        }
        if (issue.isResolved()) {
            c.increment(Counter.ISSUES_RESOLVED);
        }
        if (issue.slaMet()) {
            c.increment(Counter.ISSUES_SLA_MET);
        }
        if (issue.isClosed()) {
            c.increment(Counter.ISSUES_CLOSED);
        }
        return new DailyFact(key, c);
    }
}
