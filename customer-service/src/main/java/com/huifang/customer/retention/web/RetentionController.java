package com.huifang.customer.retention.web;

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
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The tenant's retention rule (issue 10 §2). Saving it tells every service that holds records
 * ({@code TenantRetentionChanged}); each purges daily by it. A rule below the legal minimum the
 * tenant declared is refused.
 */
@RestController
@RequestMapping("/api/retention")
public class RetentionController {

    /** What the API shows: the rule in force and who set it (null for the default). */
    public record RetentionView(int retentionDays, int legalMinimumDays, int version, String changedBy,
                                Instant changedAt) {
    }

    public record RetentionBody(Integer retentionDays, Integer legalMinimumDays, String reason) {
    }

    private final ReactiveMongoTemplate mongo;
    private final AuditTrail audit;
    private final Clock clock;

    public RetentionController(ReactiveMongoTemplate mongo, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The tenant's retention rule (default: 3 years after the last activity)")
    public Mono<RetentionView> get(Caller caller) {
        return mongo.findById(caller.tenantId(), RetentionRuleDocument.class)
                .map(RetentionController::view)
                .defaultIfEmpty(new RetentionView(RetentionRule.DEFAULT.retentionDays(),
                        RetentionRule.DEFAULT.legalMinimumDays(), 0, null, null));
    }

    @PutMapping
    @Operation(summary = "Set the retention rule (ADMIN): days kept after the last activity, never below the "
            + "tenant's legal minimum; every service purges by it daily")
    public Mono<RetentionView> put(Caller caller, @RequestBody RetentionBody body) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        List<RetentionRule.Violation> violations = RetentionRule.check(body.retentionDays(), body.legalMinimumDays());
        if (!violations.isEmpty()) {
            return Mono.error(ApiProblem.invalid(violations.stream()
                    .map(v -> InvalidField.of(v.field(), v.code(), v.messageKey(), v.args())).toList()));
        }
        return CorrelationId.current().defaultIfEmpty("none").flatMap(correlation -> Mono.defer(() ->
                        mongo.findById(caller.tenantId(), RetentionRuleDocument.class)
                                .defaultIfEmpty(new RetentionRuleDocument())
                                .flatMap(doc -> save(caller, body, doc, correlation)))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance)))
                .map(RetentionController::view);
    }

    private Mono<RetentionRuleDocument> save(Caller caller, RetentionBody body, RetentionRuleDocument doc,
                                             String correlation) {
        Instant now = clock.instant();
        Map<String, String> before = doc.id == null ? Map.of()
                : Map.of("retentionDays", Integer.toString(doc.retentionDays),
                "legalMinimumDays", Integer.toString(doc.legalMinimumDays));
        doc.id = caller.tenantId();
        doc.tenantId = caller.tenantId();
        doc.retentionDays = body.retentionDays();
        doc.legalMinimumDays = body.legalMinimumDays();
        doc.ruleVersion = doc.ruleVersion + 1;
        doc.changedBy = caller.userId();
        doc.changedAt = now;
        UUID eventId = UUID.nameUUIDFromBytes(("retention:" + caller.tenantId() + ":" + doc.ruleVersion)
                .getBytes(StandardCharsets.UTF_8));
        OutboxEntry event = OutboxEntry.of(EventJson.envelope(eventId, new TenantRetentionChanged(caller.tenantId(),
                doc.retentionDays, doc.legalMinimumDays, doc.ruleVersion, now), caller.tenantId(), correlation, now));
        OutboxEntry auditEntry = audit.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                .action("retention.changed").target("tenant", caller.tenantId()).before(before)
                .after(Map.of("retentionDays", Integer.toString(doc.retentionDays),
                        "legalMinimumDays", Integer.toString(doc.legalMinimumDays)))
                .reason(body.reason()).build(), AuditTrail.idFor(eventId.toString()), now, correlation);
        doc.outbox.add(event);
        doc.outbox.add(auditEntry);
        return mongo.save(doc);
    }

    private static RetentionView view(RetentionRuleDocument d) {
        return new RetentionView(d.retentionDays, d.legalMinimumDays, d.ruleVersion, d.changedBy, d.changedAt);
    }
}
