package com.huifang.customer.retention.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's retention rule (id = tenant), with the event that tells the other services. */
@Document("retention_rules")
public class RetentionRuleDocument {

    @Id
    public String id;
    public String tenantId;
    public int retentionDays;
    public int legalMinimumDays;
    public int ruleVersion;
    public String changedBy;
    public Instant changedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    public Long version;
}
