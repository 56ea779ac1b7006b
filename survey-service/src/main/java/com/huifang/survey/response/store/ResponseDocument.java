package com.huifang.survey.response.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A submitted survey response, pinned to the exact template version it answered. One per visit: the id is derived
 * from tenant and visit, so a second submission collides on insert.
 */
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
    /** AGENT or CUSTOMER_LINK */
    public String source;
    public String channel;
    /** null for a customer's own answers */
    public String agentId;
    /** by question id: option id, option ids, integer, boolean or text */
    public Map<String, Object> answers;
    public Double rating;
    public Boolean satisfied;
    public Integer nps;
    public String npsClass;
    public List<String> problemQuestionIds = new ArrayList<>();
    public boolean flagged;
    public String flagNote;
    public List<String> comments = new ArrayList<>();
    public boolean lowScore;
    public boolean raisesIssue;
    public Instant submittedAt;
    /** When the customer's erasure stripped the free text (answers, comments, flag note); null until then. */
    public Instant erasedAt;
    /** When the tenant's retention stripped the personal content (see {@code SurveyStoreConfiguration}). */
    public Instant anonymisedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
