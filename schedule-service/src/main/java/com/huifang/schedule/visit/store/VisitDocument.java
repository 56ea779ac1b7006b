package com.huifang.schedule.visit.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A visit as stored, with its attempts and its pending events. Its id is derived from the service
 * event, plan and stage, so a redelivered event plans nothing twice.
 */
@Document("visits")
public class VisitDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public String serviceEventId;
    public String planId;
    public int planVersion;
    public String stage;
    public String surveyTemplateId;
    public String state;
    public Instant earliestAt;
    public Instant dueAt;
    public Instant deadlineAt;
    public boolean deadlineAtRisk;
    public String channel;
    public int priority;
    public String assigneeId;
    public List<String> explanation = new ArrayList<>();
    public List<AttemptRecord> attempts = new ArrayList<>();
    public Instant plannedAt;
    public Instant dueFiredAt;
    public Instant closedAt;
    public String result;
    @Version
    public Long version;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
