package com.huifang.feedback.issue.domain;

import com.huifang.feedback.routing.domain.RoutingRules;
import com.huifang.feedback.sla.domain.SlaClock;
import com.huifang.feedback.sla.domain.SlaPolicy;
import java.util.Objects;

/** One tenant's rules for raising issues: routing, SLA targets, evidence limits and the business-time clock. */
public record IssueRules(RoutingRules routing, SlaPolicy sla, AttachmentPolicy attachments, SlaClock clock) {

    public IssueRules {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(clock, "clock");
    }
}
