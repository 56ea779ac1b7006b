package com.huifang.reporting.facts.store;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What reporting knows of one issue. */
@Document("issue_facts")
public class IssueFactDocument {

    @Id
    public String issueId;
    public String tenantId;
    public String visitId;
    public String category;
    public String severity;
    public LocalDate raisedDate;
    public Instant raisedAt;
    public Instant resolvedAt;
    public Boolean slaMet;
    public Instant closedAt;
}
