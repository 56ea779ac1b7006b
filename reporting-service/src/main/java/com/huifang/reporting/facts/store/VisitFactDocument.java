package com.huifang.reporting.facts.store;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What reporting knows of one visit, built from its events with idempotent {@code $set}s: a replay
 * of the topics gives the same facts.
 */
@Document("visit_facts")
public class VisitFactDocument {

    @Id
    public String visitId;
    public String tenantId;
    public String planId;
    public String channel;
    public String agentId;
    public LocalDate dueDate;
    public Instant dueAt;
    public Instant deadlineAt;
    public Boolean due;
    public Integer attempts;
    public String result;
    public Boolean onTime;
    public Instant completedAt;
    public Double rating;
    public Boolean satisfied;
    public Integer nps;
    public Boolean raisedIssue;
}
