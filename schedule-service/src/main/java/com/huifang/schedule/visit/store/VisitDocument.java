package com.huifang.schedule.visit.store;

import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.schedule.plan.domain.Rung;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A visit as stored: every field of the domain's {@code VisitSnapshot} (see {@link VisitMapping}),
 * plus what only the adapters need (tenant, team, the issue a re-contact confirms, the pending
 * events). Its id is derived from the service event, plan, stage and occurrence, so a redelivered
 * event plans nothing twice. {@code state} and {@code dueAt} are what the due sweeper claims on.
 */
@Document("visits")
public class VisitDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public String serviceEventId;
    public String caseRef;
    public String planId;
    public int planVersion;
    public String stage;
    public int occurrence;
    public String surveyTemplateId;
    public String state;
    public Instant earliestAt;
    public Instant dueAt;
    public Instant deadlineAt;
    public boolean deadlineAtRisk;
    /** the channel of the rung in use */
    public String channel;
    public List<Rung> ladder = new ArrayList<>();
    public int rungIndex;
    public int countedOnRung;
    /** calling windows, "10:00-12:00, 15:00-17:00" */
    public String windows;
    public boolean allowNonWorkingDays;
    public List<String> staffIds = new ArrayList<>();
    public int priority;
    public String teamId;
    public String assigneeId;
    public int callbackReleaseMinutes;
    public Instant nextAttemptAt;
    public Instant callbackAt;
    public String callbackAgentId;
    /** the issue a re-contact visit confirms (planId {@code issue-recontact}); feedback-service maps visit → issue */
    public String issueId;
    /** the visit a follow-up was booked from */
    public String sourceVisitId;
    /** the service event a plan's visit was planned from (to plan its next repeat, or re-plan it); null otherwise */
    public EventRecord event;
    /** the channel a sample forced (such a visit keeps its ladder: it is never re-planned); null otherwise */
    public String forcedChannel;
    /** the customer-copy profile version the visit was (re-)planned with; 0 without a copy */
    public int profileVersion;
    /**
     * what of the customer's profile its timing and channel were planned with
     * ({@code CustomerCopies.Profile#planningKey}); null when unknown (planned before it was kept)
     */
    public String preferencesKey;
    public List<String> explanation = new ArrayList<>();
    public List<AttemptRecord> attempts = new ArrayList<>();
    public Instant plannedAt;
    public Instant dueFiredAt;
    public Instant closedAt;
    public String result;
    public String endReason;
    @Version
    public Long version;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
