package com.huifang.customer.pii.web;

import com.huifang.customer.pii.store.AuditEntryDocument;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit trail of reveals, for supervisors and auditors (质检/合规). */
@RestController
@RequestMapping("/api/customers/reveal-audit")
@Tag(name = "Audit")
@Validated
public class AuditController {

    private final ReactiveMongoTemplate mongo;

    public AuditController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record AuditEntryView(String id, String actorId, String role, Instant at, String field, String customerId,
                                 String reason) {
    }

    public record AuditPage(List<AuditEntryView> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Reveals of personal data in the caller's tenant, newest first")
    public Mono<AuditPage> list(Caller caller,
                                @RequestParam(required = false) String customerId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.AUDITOR)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        Criteria criteria = Criteria.where("tenantId").is(caller.tenantId());
        if (customerId != null && !customerId.isBlank()) {
            criteria = criteria.and("customerId").is(customerId);
        }
        Query query = Query.query(criteria);
        return mongo.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size),
                        AuditEntryDocument.class)
                .map(d -> new AuditEntryView(d.id, d.actorId, d.role, d.at, d.field, d.customerId, d.reason))
                .collectList()
                .zipWith(mongo.count(query, AuditEntryDocument.class))
                .map(t -> new AuditPage(t.getT1(), page, size, t.getT2()));
    }
}
