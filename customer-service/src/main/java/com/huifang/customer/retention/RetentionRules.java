package com.huifang.customer.retention;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.customer.retention.domain.RetentionRule;
import com.huifang.customer.retention.store.RetentionRuleDocument;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The tenant's retention rule (issue 10 §2): read it, change it. A change is checked by
 * {@link RetentionRule} (never below the tenant's legal minimum) and written in one document write
 * together with {@code TenantRetentionChanged} (every service that holds records purges by it) and
 * its audit entry.
 */
@Service
public class RetentionRules {

    /** The rule in force and who set it (null for the default). */
    public record Current(int retentionDays, int legalMinimumDays, int version, String changedBy, Instant changedAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final AuditTrail audit;
    private final Clock clock;

    public RetentionRules(ReactiveMongoTemplate mongo, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<Current> current(String tenantId) {
        return mongo.findById(tenantId, RetentionRuleDocument.class)
                .map(RetentionRules::current)
                .defaultIfEmpty(new Current(RetentionRule.DEFAULT.retentionDays(),
                        RetentionRule.DEFAULT.legalMinimumDays(), 0, null, null));
    }

    /**
     * Sets the tenant's rule.
     *
     * @throws ApiProblem (as the Mono's error) listing the fields at fault when the rule is not allowed
     */
    public Mono<Current> change(AuditActor actor, String tenantId, Integer retentionDays, Integer legalMinimumDays,
                                String reason) {
        List<RetentionRule.Violation> violations = RetentionRule.check(retentionDays, legalMinimumDays);
        if (!violations.isEmpty()) {
            return Mono.error(ApiProblem.invalid(violations.stream()
                    .map(v -> InvalidField.of(v.field(), v.code(), v.messageKey(), v.args())).toList()));
        }
        return CorrelationId.current().defaultIfEmpty("none").flatMap(correlation -> Mono.defer(() ->
                        mongo.findById(tenantId, RetentionRuleDocument.class)
                                .defaultIfEmpty(new RetentionRuleDocument())
                                .flatMap(doc -> save(actor, tenantId, retentionDays, legalMinimumDays, reason, doc,
                                        correlation)))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance)))
                .map(RetentionRules::current);
    }

    private Mono<RetentionRuleDocument> save(AuditActor actor, String tenantId, int retentionDays,
                                             int legalMinimumDays, String reason, RetentionRuleDocument doc,
                                             String correlation) {
        Instant now = clock.instant();
        Map<String, String> before = doc.id == null ? Map.of()
                : Map.of("retentionDays", Integer.toString(doc.retentionDays),
                "legalMinimumDays", Integer.toString(doc.legalMinimumDays));
        doc.id = tenantId;
        doc.tenantId = tenantId;
        doc.retentionDays = retentionDays;
        doc.legalMinimumDays = legalMinimumDays;
        doc.ruleVersion = doc.ruleVersion + 1;
        doc.changedBy = actor.id();
        doc.changedAt = now;
        UUID eventId = UUID.nameUUIDFromBytes(("retention:" + tenantId + ":" + doc.ruleVersion)
                .getBytes(StandardCharsets.UTF_8));
        OutboxEntry event = OutboxEntry.of(EventJson.envelope(eventId, new TenantRetentionChanged(tenantId,
                doc.retentionDays, doc.legalMinimumDays, doc.ruleVersion, now), tenantId, correlation, now));
        OutboxEntry auditEntry = audit.entry(AuditDraft.by(actor, tenantId)
                .action("retention.changed").target("tenant", tenantId).before(before)
                .after(Map.of("retentionDays", Integer.toString(doc.retentionDays),
                        "legalMinimumDays", Integer.toString(doc.legalMinimumDays)))
                .reason(reason).build(), AuditTrail.idFor(eventId.toString()), now, correlation);
        doc.outbox.add(event);
        doc.outbox.add(auditEntry);
        return mongo.save(doc);
    }

    private static Current current(RetentionRuleDocument d) {
        return new Current(d.retentionDays, d.legalMinimumDays, d.ruleVersion, d.changedBy, d.changedAt);
    }
}
