package com.huifang.feedback.issue.web;

import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/issues")
@Tag(name = "Issues")
@Validated
public class IssueController {

    private final ReactiveMongoTemplate mongo;

    public IssueController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record IssueView(String id, String customerId, String visitId, String category, String severity,
                            String source, String description, String department, String ownerId, String state,
                            Instant raisedAt, Long version) {

        static IssueView of(IssueDocument d) {
            return new IssueView(d.id, d.customerId, d.visitId, d.category, d.severity, d.source, d.description,
                    d.department, d.ownerId, d.state, d.raisedAt, d.version);
        }
    }

    @GetMapping
    @Operation(summary = "Issues of the caller's tenant, newest first, optionally by state")
    public Flux<IssueView> list(Caller caller,
                                @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,32}") String state,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.HANDLER, Role.ADMIN, Role.AUDITOR, Role.LEADERSHIP)) {
            return Flux.error(ApiProblem.forbidden("problem.forbidden"));
        }
        Criteria criteria = Criteria.where("tenantId").is(caller.tenantId());
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(limit),
                IssueDocument.class).map(IssueView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One issue")
    public Mono<IssueView> get(Caller caller, @PathVariable String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())),
                        IssueDocument.class)
                .map(IssueView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("issue", id)));
    }
}
