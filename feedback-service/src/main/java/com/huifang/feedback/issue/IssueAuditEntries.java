package com.huifang.feedback.issue;

import com.huifang.feedback.issue.domain.AuditRecord;
import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueAction;
import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.sla.domain.EscalationLevel;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.messaging.OutboxEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared audit trail's entries (issue 10 §1) for what an action did to an issue: one per state change
 * (raised, acknowledged, started, resolved, confirmed, reopened, closed, waived), per reassignment and per
 * escalation, written into the issue's outbox with the change. The issue keeps its own detailed records too
 * ({@code GET /api/issues/{id}/audit}); the entry of its n-th record has a deterministic id, so a write
 * retried on a fresh state never records a step twice.
 *
 * <p>No personal data: summaries carry states, levels, owners (staff ids), category and department — never the
 * description, the resolution note or the customer's words; only the reason a supervisor gives to waive the
 * customer's confirmation goes to {@code reason} (the trail masks phone and ID numbers on the way in).
 */
final class IssueAuditEntries {

    private IssueAuditEntries() {
    }

    /** What the issue looked like before the action, as far as audit summaries need it. */
    record Before(int auditSize, Optional<String> owner, EscalationLevel level) {
        static Before of(Issue issue) {
            return new Before(issue.audit().size(), issue.owner(), issue.escalationLevel());
        }

        static Before raising() {
            return new Before(0, Optional.empty(), EscalationLevel.NONE);
        }
    }

    static List<OutboxEntry> entries(AuditTrail trail, Issue issue, Before before, List<IssueEvent> events,
                                     String correlationId) {
        var records = issue.audit();
        var out = new ArrayList<OutboxEntry>();
        Iterator<IssueEvent.Escalated> escalations = events.stream()
                .filter(IssueEvent.Escalated.class::isInstance).map(IssueEvent.Escalated.class::cast).iterator();
        var level = before.level();
        var owner = before.owner();
        for (int i = before.auditSize(); i < records.size(); i++) {
            AuditRecord r = records.get(i);
            var b = new LinkedHashMap<String, String>();
            var a = new LinkedHashMap<String, String>();
            String action;
            String reason = null;
            if (r.action() == IssueAction.RAISE) {
                action = "issue.raised";
                a.put("state", r.to().name());
                a.put("category", issue.category());
                a.put("severity", issue.severity().name());
                a.put("source", issue.source().name());
                a.put("department", issue.department());
                a.put("ownerQueue", issue.ownerQueue());
            } else if (r.action() == IssueAction.ASSIGN) {
                action = "issue.reassigned";
                var next = events.stream().filter(IssueEvent.Assigned.class::isInstance)
                        .map(e -> ((IssueEvent.Assigned) e).owner()).findFirst().orElse(issue.owner().orElse(""));
                b.put("owner", owner.orElse(""));
                a.put("owner", next);
                owner = Optional.of(next);
            } else if (r.action() == IssueAction.ESCALATE) {
                action = "issue.escalated";
                var next = escalations.hasNext() ? escalations.next().level() : issue.escalationLevel();
                b.put("escalationLevel", level.name());
                a.put("escalationLevel", next.name());
                level = next;
            } else if (r.from() != null && r.from() != r.to()) {
                action = "issue." + verb(r.action());
                b.put("state", r.from().name());
                a.put("state", r.to().name());
                if (r.action() == IssueAction.WAIVE) {
                    reason = r.why();
                }
            } else {
                continue;
            }
            var draft = AuditDraft.by(new AuditActor(r.actorId(), r.role().name()), issue.tenantId())
                    .action(action).target("issue", issue.id()).before(b).after(a).reason(reason).build();
            out.add(trail.entry(draft, AuditTrail.idFor("issue:" + issue.id() + ":" + i), r.at(), correlationId));
        }
        return out;
    }

    private static String verb(IssueAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> "acknowledged";
            case START -> "started";
            case RESOLVE -> "resolved";
            case CONFIRM -> "confirmed";
            case REOPEN -> "reopened";
            case CLOSE -> "closed";
            case WAIVE -> "waived";
            default -> action.name().toLowerCase(Locale.ROOT);
        };
    }
}
