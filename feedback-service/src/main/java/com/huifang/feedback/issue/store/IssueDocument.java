package com.huifang.feedback.issue.store;

import com.huifang.feedback.notification.domain.Notice;
import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issue as stored: the domain's full snapshot ({@code snapshot}, written and read only through
 * {@link IssueStore}) plus flat copies of the fields queries filter on, the pending events and notifications.
 */
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
    public String ownerQueue;
    public String ownerId;
    public List<String> staffIds = new ArrayList<>();
    public String state;
    public String escalationLevel;
    public boolean waitingOnCustomer;
    /** When the SLA sweeper must look at the issue next; null when nothing can fall due. */
    public Instant nextAlertAt;
    public Instant raisedAt;
    public Instant resolvedAt;
    public Instant updatedAt;
    /** The re-contact visit schedule-service planned for the last resolution, and what became of it. */
    public String reContactVisitId;
    public String reContactOutcome;
    public Map<String, Object> snapshot;
    /** When the customer's erasure took the customer's words and evidence out of the issue; null until then. */
    public Instant anonymisedAt;
    @Version
    public Long version;
    public List<OutboxEntry> outbox = new ArrayList<>();
    /** Notifications caused by the last changes, not yet delivered to the inboxes. */
    public List<Notice> notices = new ArrayList<>();
    /** Until when one SLA sweeper instance holds the issue (null: nobody does). */
    public Instant sweepClaimedUntil;
    public String sweepClaimedBy;
}
