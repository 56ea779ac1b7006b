package com.huifang.feedback.closedloop.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Feedback's small copy of a re-contact visit schedule-service planned: which issue it confirms. */
@Document("recontact_visits")
public class ReContactVisitDocument {

    @Id
    public String visitId;
    public String tenantId;
    public String issueId;
    public String customerId;
    /** How the issue was found: ISSUE_ID (the planned event named it) or CUSTOMER (the customer's resolved issue). */
    public String matchedBy;
    /** COMPLETED, REFUSED, FAILED, CANCELLED once schedule-service says the visit ended. */
    public String outcome;
    public Instant plannedAt;
}
