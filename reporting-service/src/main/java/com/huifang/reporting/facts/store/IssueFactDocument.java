package com.huifang.reporting.facts.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One issue fact: the domain {@code IssueFact} in {@link #state} plus derived query fields. */
@Document(IssueFactDocument.COLLECTION)
public class IssueFactDocument {

    public static final String COLLECTION = "issue_facts";

    @Id
    public String id;
    @Version
    public Long version;
    public String tenantId;
    public String issueId;
    public String visitId;
    /** Tenant-local date raised, ISO; null until IssueRaised was seen. */
    public String raisedDate;
    /** OPEN, ESCALATED, RESOLVED or CLOSED. */
    public String status;
    /** Resolved outside its SLA (IssueResolved.slaMet false). */
    public boolean resolvedLate;
    public Instant resolvedAt;
    /** The tenant zone its local dates were taken in: a fact described in another zone is described again. */
    public String zone;
    public String state;

    public static String idOf(String tenantId, String issueId) {
        return tenantId + "/" + issueId;
    }
}
