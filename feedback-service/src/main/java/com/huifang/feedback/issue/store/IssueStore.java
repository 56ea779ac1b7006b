package com.huifang.feedback.issue.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.domain.IssueSnapshot;
import com.huifang.feedback.issue.domain.IssueState;
import com.huifang.feedback.notification.domain.Notice;
import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Saves and loads issues. Every change is one conditional single-document update: it matches only the
 * version that was read (optimistic locking), sets the new state and pushes the events (and audit entries)
 * to the outbox and the notifications to {@code notices}, so a stale write changes nothing and the relay's
 * removal of sent entries is never undone.
 */
@Component
public class IssueStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ReactiveMongoTemplate mongo;

    public IssueStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An issue with its stored version. */
    public record Loaded(Issue issue, IssueDocument document) {
    }

    public Mono<Loaded> find(String tenantId, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), IssueDocument.class)
                .map(d -> new Loaded(restore(d), d));
    }

    public static Issue restore(IssueDocument d) {
        return Issue.restore(JSON.convertValue(d.snapshot, IssueSnapshot.class));
    }

    /** Inserts a new issue with its events; empty when an issue with this id exists already (a redelivery). */
    public Mono<IssueDocument> insert(Issue issue, List<OutboxEntry> events, List<Notice> notices, Instant nextAlertAt,
                                      String surveyResponseId, Instant now) {
        var d = new IssueDocument();
        d.id = issue.id();
        d.surveyResponseId = surveyResponseId;
        fill(d, issue, nextAlertAt, now);
        d.outbox.addAll(events);
        d.notices.addAll(notices);
        return mongo.insert(d).onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty());
    }

    /**
     * Writes the issue's new state and events if nobody changed it since {@code read}.
     *
     * @throws OptimisticLockingFailureException (in the Mono) when the stored version moved on
     */
    public Mono<IssueDocument> update(IssueDocument read, Issue issue, List<OutboxEntry> events, List<Notice> notices,
                                      Instant nextAlertAt, Instant now, Consumer<Update> extra) {
        var d = new IssueDocument();
        fill(d, issue, nextAlertAt, now);
        d.resolvedAt = issue.state() == IssueState.RESOLVED && read.resolvedAt != null
                && IssueState.RESOLVED.name().equals(read.state) ? read.resolvedAt
                : issue.state() == IssueState.RESOLVED ? now : read.resolvedAt;
        var u = new Update();
        if (extra != null) {
            extra.accept(u);
        }
        u.set("ownerId", d.ownerId).set("state", d.state).set("escalationLevel", d.escalationLevel)
                .set("waitingOnCustomer", d.waitingOnCustomer).set("nextAlertAt", d.nextAlertAt)
                .set("resolvedAt", d.resolvedAt).set("updatedAt", d.updatedAt).set("snapshot", d.snapshot)
                .inc("version", 1);
        if (!events.isEmpty()) {
            u.push("outbox").each(events.toArray());
        }
        if (!notices.isEmpty()) {
            u.push("notices").each(notices.toArray());
        }
        var query = Query.query(Criteria.where("_id").is(read.id).and("tenantId").is(read.tenantId)
                .and("version").is(read.version));
        return mongo.findAndModify(query, u, FindAndModifyOptions.options().returnNew(true), IssueDocument.class)
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                        "issue " + read.id + " changed since version " + read.version)));
    }

    /** The customer's issues in the tenant that still hold the customer's words (not anonymised yet). */
    public reactor.core.publisher.Flux<Loaded> notAnonymised(String tenantId, String customerId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("customerId").is(customerId)
                        .and("anonymisedAt").exists(false)), IssueDocument.class)
                .map(d -> new Loaded(restore(d), d));
    }

    /** How many of the customer's issues in the tenant are anonymised. */
    public Mono<Long> countAnonymised(String tenantId, String customerId) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenantId).and("customerId").is(customerId)
                .and("anonymisedAt").exists(true)), IssueDocument.class);
    }

    /**
     * Replaces the issue's description and snapshot by their anonymised versions if nobody changed it since
     * {@code read}; the state, times, routing, outbox and SLA bookkeeping are left as they are.
     *
     * @throws OptimisticLockingFailureException (in the Mono) when the stored version moved on
     */
    public Mono<IssueDocument> anonymise(IssueDocument read, Issue anonymised, Instant now) {
        var u = new Update().set("description", anonymised.description())
                .set("snapshot", JSON.convertValue(anonymised.snapshot(), MAP))
                .set("anonymisedAt", now)
                .inc("version", 1);
        var query = Query.query(Criteria.where("_id").is(read.id).and("tenantId").is(read.tenantId)
                .and("version").is(read.version));
        return mongo.findAndModify(query, u, FindAndModifyOptions.options().returnNew(true), IssueDocument.class)
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                        "issue " + read.id + " changed since version " + read.version)));
    }

    private static void fill(IssueDocument d, Issue issue, Instant nextAlertAt, Instant now) {
        d.tenantId = issue.tenantId();
        d.customerId = issue.customerId();
        d.visitId = issue.visitId().orElse(null);
        d.category = issue.category();
        d.severity = issue.severity().name();
        d.source = issue.source().name();
        d.description = issue.description();
        d.department = issue.department();
        d.ownerQueue = issue.ownerQueue();
        d.ownerId = issue.owner().orElse(null);
        d.staffIds = List.copyOf(issue.staffIds());
        d.state = issue.state().name();
        d.escalationLevel = issue.escalationLevel().name();
        d.waitingOnCustomer = issue.waitingOnCustomer();
        d.nextAlertAt = nextAlertAt;
        d.raisedAt = issue.raisedAt();
        d.updatedAt = now;
        d.snapshot = JSON.convertValue(issue.snapshot(), MAP);
    }
}
