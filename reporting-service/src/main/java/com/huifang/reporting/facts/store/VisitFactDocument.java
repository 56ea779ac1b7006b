package com.huifang.reporting.facts.store;

import com.huifang.reporting.facts.domain.VisitFact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
    /** The domain fact without its {@link VisitFact.PersonalDetails} (those are the fields below). */
    public String state;
    /**
     * True once {@link #state} is stored without the personal details (a document written before holds
     * them inside {@link #state} until it is saved again, e.g. by a rebuild).
     */
    public boolean detailsApart;
    /** The survey's free-text comments (the customer's opinions); null when none or anonymised. */
    public List<String> comments;
    /** The agent's note on a flagged survey; null when none or anonymised. */
    public String flagNote;
    /** Recording reference per attempt number (as text); null when none or anonymised. */
    public Map<String, String> recordings;
    /** The customer's last contact on this visit: retention counts from it. Null while never contacted. */
    public Instant lastContactAt;
    /**
     * Set by the retention purge when it stripped the personal details; from then on they are never
     * stored again (a replayed event does not bring them back).
     */
    public Instant anonymisedAt;

    /** The domain fact this document holds: its state with its personal details put back. */
    public VisitFact fact() {
        VisitFact f = FactJson.read(state, VisitFact.class);
        if (anonymisedAt != null) {
            return f.withoutPersonalDetails();
        }
        if (!detailsApart) {
            return f;
        }
        SortedMap<Integer, String> refs = new TreeMap<>();
        if (recordings != null) {
            recordings.forEach((no, ref) -> refs.put(Integer.valueOf(no), ref));
        }
        return f.withPersonalDetails(new VisitFact.PersonalDetails(comments, flagNote, refs));
    }

    public static String idOf(String tenantId, String visitId) {
        return tenantId + "/" + visitId;
    }
}
