package com.huifang.reporting.facts.domain;

import com.huifang.contracts.events.IssueClosed;
import com.huifang.contracts.events.IssueEscalated;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything reporting knows about one issue (问题件), built from its events in any order,
 * idempotently: raised / resolved / closed keep their latest version, escalations the set of levels.
 */
public record IssueFact(
        String tenantId,
        String issueId,
        Versioned<IssueRaised> raised,
        Set<String> escalationLevels,
        Versioned<IssueResolved> resolved,
        Versioned<IssueClosed> closed) {

    /** Escalation levels, lowest first. */
    public static final List<String> LEVELS = List.of("SUPERVISOR", "DEPARTMENT_HEAD", "LEADERSHIP");

    public IssueFact {
        escalationLevels = escalationLevels == null ? Set.of() : Set.copyOf(escalationLevels);
    }

    public static IssueFact empty(String tenantId, String issueId) {
        return new IssueFact(tenantId, issueId, null, Set.of(), null, null);
    }

    /** The issue id an event is about, or null when it is not an issue event. */
    public static String issueIdOf(HuifangEvent p) {
        if (p instanceof IssueRaised e) {
            return e.issueId();
        } else if (p instanceof IssueEscalated e) {
            return e.issueId();
        } else if (p instanceof IssueResolved e) {
            return e.issueId();
        } else if (p instanceof IssueClosed e) {
            return e.issueId();
        }
        return null;
    }

    public IssueFact apply(AppliedEvent event) {
        if (!tenantId.equals(event.tenantId()) || !issueId.equals(issueIdOf(event.payload()))) {
            throw new IllegalArgumentException("Event " + event.eventId() + " is not about issue " + issueId);
        }
        Object p = event.payload();
        if (p instanceof IssueRaised e) {
            return new IssueFact(tenantId, issueId, Versioned.latest(raised, event.versioned(e)), escalationLevels,
                    resolved, closed);
        } else if (p instanceof IssueEscalated e) {
            if (e.level() == null || escalationLevels.contains(e.level())) {
                return this;
            }
            Set<String> levels = new TreeSet<>(escalationLevels);
            levels.add(e.level());
            return new IssueFact(tenantId, issueId, raised, levels, resolved, closed);
        } else if (p instanceof IssueResolved e) {
            return new IssueFact(tenantId, issueId, raised, escalationLevels,
                    Versioned.latest(resolved, event.versioned(e)), closed);
        }
        IssueClosed e = (IssueClosed) p;
        return new IssueFact(tenantId, issueId, raised, escalationLevels, resolved,
                Versioned.latest(closed, event.versioned(e)));
    }

    public String visitId() {
        if (raised != null && raised.value().visitId() != null) {
            return raised.value().visitId();
        }
        return resolved == null ? null : resolved.value().visitId();
    }

    public Instant raisedAt() {
        return raised == null ? null : raised.value().raisedAt();
    }

    public boolean major() {
        return raised != null && "MAJOR".equalsIgnoreCase(raised.value().severity());
    }

    public boolean escalated() {
        return !escalationLevels.isEmpty();
    }

    /** The highest level it went up to, or null. */
    public String highestEscalation() {
        String best = null;
        for (String level : escalationLevels) {
            if (best == null || LEVELS.indexOf(level) > LEVELS.indexOf(best)) {
                best = level;
            }
        }
        return best;
    }

    /** Resolved by a handler, or closed (a closed issue is done even when waived without a resolution). */
    public boolean isResolved() {
        return resolved != null || closed != null;
    }

    /** Resolved within its SLA, as feedback-service judged it. */
    public boolean slaMet() {
        return resolved != null && resolved.value().slaMet();
    }

    public boolean isClosed() {
        return closed != null;
    }

    public Instant resolvedAt() {
        return resolved == null ? null : resolved.value().resolvedAt();
    }

    /** OPEN, ESCALATED, RESOLVED or CLOSED. */
    public String status() {
        if (closed != null) {
            return "CLOSED";
        }
        if (resolved != null) {
            return "RESOLVED";
        }
        return escalated() ? "ESCALATED" : "OPEN";
    }

    public List<String> staffIds() {
        return raised == null || raised.value().staffIds() == null ? List.of() : raised.value().staffIds();
    }

    public String category() {
        if (raised != null && raised.value().category() != null) {
            return raised.value().category();
        }
        return resolved == null ? null : resolved.value().category();
    }
}
