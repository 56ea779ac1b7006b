package com.huifang.survey.response.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A submitted survey response, pinned to the template version it answered. */
@Document("responses")
public class ResponseDocument {

    @Id
    public String id;
    public String tenantId;
    public String visitId;
    public String customerId;
    public String planId;
    public String templateId;
    public int templateVersion;
    public String channel;
    public String agentId;
    public Map<String, Object> answers;
    public Double rating;
    public Boolean satisfied;
    public Integer nps;
    public String npsClass;
    public boolean flagged;
    public String flagNote;
    public List<String> comments = new ArrayList<>();
    public boolean raisesIssue;
    public Instant submittedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
