package com.huifang.feedback.erasure;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.feedback.issue.domain.Issue;
import com.huifang.feedback.issue.store.IssueStore;
import com.huifang.platform.erasure.ErasureConfirmations;
import java.time.Clock;
import java.time.Duration;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * feedback-service's part of a customer's erasure (issue 10 §2): each of the customer's issues in the tenant loses
 * what the customer said or gave — description, resolution note, the notes of its audit trail, its evidence
 * (attachment metadata and the files themselves) — and keeps its category, severity, source, staff, routing,
 * states, SLA timers and times ({@link com.huifang.feedback.issue.domain.IssueSnapshot#withoutCustomerData}), so
 * SLA figures and complaint rates stay right. Then one {@code CustomerErasureConfirmed} goes back with the number
 * of the customer's issues that are anonymised.
 * Notifications and re-contact visit copies hold ids, categories and departments only.
 *
 * <p>Idempotent: an issue already anonymised is not touched again (its {@code anonymisedAt} is set in the same
 * write), files are deleted before the issue forgets them (a crash in between deletes nothing twice and loses no
 * file reference), and the confirmation's id is deterministic.
 */
@Service
public class CustomerErasure {

    private final IssueStore issues;
    private final ReactiveGridFsTemplate files;
    private final ErasureConfirmations confirmations;
    private final Clock clock;

    public CustomerErasure(IssueStore issues, ReactiveGridFsTemplate files, ErasureConfirmations confirmations,
                           Clock clock) {
        this.issues = issues;
        this.files = files;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    public Mono<Void> erase(EventEnvelope envelope) {
        CustomerErased erased = EventJson.payload(envelope, CustomerErased.class);
        return issues.notAnonymised(envelope.tenantId(), erased.customerId())
                .concatMap(loaded -> anonymise(envelope.tenantId(), loaded.document().id))
                // all of the customer's anonymised issues, those of an earlier delivery too: a replay confirms the same
                .then(issues.countAnonymised(envelope.tenantId(), erased.customerId()))
                .flatMap(count -> confirmations.confirm(envelope.tenantId(), envelope.correlationId(), erased,
                        count.intValue()));
    }

    /** 1 when the issue was anonymised now; retried on the fresh state when a handler changed it meanwhile. */
    private Mono<Integer> anonymise(String tenantId, String issueId) {
        return Mono.defer(() -> issues.find(tenantId, issueId).flatMap(loaded -> {
                    if (loaded.document().anonymisedAt != null) {
                        return Mono.just(0);
                    }
                    Issue issue = loaded.issue();
                    Issue anonymised = Issue.restore(issue.snapshot().withoutCustomerData());
                    var fileIds = issue.attachments().stream().map(a -> a.id()).filter(ObjectId::isValid)
                            .map(ObjectId::new).toList();
                    Mono<Void> deleteFiles = fileIds.isEmpty() ? Mono.empty()
                            : files.delete(Query.query(Criteria.where("_id").in(fileIds)));
                    return deleteFiles.then(issues.anonymise(loaded.document(), anonymised, clock.instant()))
                            .thenReturn(1);
                }))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .defaultIfEmpty(0);
    }
}
