package com.huifang.reporting.facts.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One visit fact: the domain {@code VisitFact} serialised whole in {@link #state}, plus the fields
 * queries select on, derived from it at every save. Written load-apply-save under optimistic locking
 * ({@link #version}), so concurrent or duplicate events converge on the domain's answer.
 */
@Document(VisitFactDocument.COLLECTION)
public class VisitFactDocument {

    public static final String COLLECTION = "visit_facts";

    /** tenant id + "/" + visit id: visit ids are only unique within a tenant. */
    @Id
    public String id;
    @Version
    public Long version;
    public String tenantId;
    public String visitId;
    public String customerId;
    public String serviceEventId;
    public String planId;
    public String agentId;
    /** Tenant-local due date, ISO yyyy-MM-dd (sorts and ranges as text); null while not reportable. */
    public String dueDate;
    public Instant dueAt;
    public Instant deadlineAt;
    /** VisitCompleted.result, null while open. */
    public String result;
    /** Tenant-local date of the survey, ISO, when it has free-text comments (opinions list). */
    public String opinionDate;
    public boolean erased;
    /** The tenant zone its local dates were taken in: a fact described in another zone is described again. */
    public String zone;
    public String state;

    public static String idOf(String tenantId, String visitId) {
        return tenantId + "/" + visitId;
    }
}
