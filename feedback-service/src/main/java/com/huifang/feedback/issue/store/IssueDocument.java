package com.huifang.feedback.issue.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An issue as stored, with its pending events. */
@Document("issues")
public class IssueDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public String visitId;
    public String surveyResponseId;
    public String category;
    public String severity;
    public String source;
    public String description;
    public String department;
    public String ownerId;
    public List<String> staffIds = new ArrayList<>();
    public String state;
    public Instant raisedAt;
    public Instant updatedAt;
    @Version
    public Long version;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
