package com.huifang.feedback.issue;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.events.IssueClosed;
import com.huifang.contracts.events.IssueEscalated;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.events.IssueSlaWarning;
import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.notification.domain.IssueNotices;
import com.huifang.feedback.sla.domain.SlaClock;
import com.huifang.feedback.sla.domain.SlaKind;
import com.huifang.platform.messaging.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps the domain's events to the ones the product promises ({@code IssueRaised}, {@code IssueEscalated},
 * {@code IssueSlaWarning}, {@code IssueResolved}, {@code IssueClosed}) as outbox entries. Event ids derive from
 * what happened (the issue, the level, the clock and its run, the n-th resolution), so the same step saved
 * twice publishes the same event id and consumers see it once. The other domain events (acknowledged,
 * pauses…) stay in the issue's audit records.
 */
final class IssueEventsOutbox {

    private IssueEventsOutbox() {
    }

    /** @param clock the tenant's SLA clock, for the business time a warning leaves */
    static List<OutboxEntry> entries(Issue issue, List<IssueEvent> events, String correlationId, SlaClock clock) {
        var out = new ArrayList<OutboxEntry>();
        for (var e : events) {
            HuifangEvent payload;
            String discriminator;
            if (e instanceof IssueEvent.Raised r) {
                payload = new IssueRaised(r.issueId(), r.customerId(), r.visitId().orElse(null), r.category(),
                        r.severity().name(), r.source().name(), r.department(), r.staffIds(), r.at());
                discriminator = "";
            } else if (e instanceof IssueEvent.Escalated x) {
                payload = new IssueEscalated(x.issueId(), x.customerId(), x.level().name(), x.reason(), x.at());
                discriminator = x.level().name();
            } else if (e instanceof IssueEvent.SlaWarning w) {
                var timer = w.clock() == SlaKind.FIRST_RESPONSE ? issue.firstResponse() : issue.resolution();
                payload = new IssueSlaWarning(w.issueId(), issue.customerId(), w.clock().name(), w.due().orElse(null),
                        clock.remaining(timer, w.at()).toString(), issue.owner().orElse(null), issue.department(), w.at());
                discriminator = w.clock().name() + ":" + IssueNotices.warningTarget(issue, w.clock());
            } else if (e instanceof IssueEvent.Resolved r) {
                payload = new IssueResolved(r.issueId(), r.customerId(), r.visitId().orElse(null), r.category(),
                        r.resolution(), r.slaMet(), r.at());
                discriminator = Integer.toString(issue.reopenCount());
            } else if (e instanceof IssueEvent.Closed c) {
                payload = new IssueClosed(c.issueId(), c.customerId(), c.how().name(), c.at());
                discriminator = "";
            } else {
                continue;
            }
            var id = UUID.nameUUIDFromBytes((payload.getClass().getSimpleName() + ":" + e.issueId() + ":" + discriminator)
                    .getBytes(StandardCharsets.UTF_8));
            out.add(OutboxEntry.of(EventJson.envelope(id, payload, issue.tenantId(), correlationId, e.at())));
        }
        return out;
    }
}
