package com.huifang.customer.retention.web;

import com.huifang.customer.retention.RetentionRules;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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

    private final RetentionRules rules;

    public RetentionController(RetentionRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The tenant's retention rule (default: 3 years after the last activity)")
    public Mono<RetentionView> get(Caller caller) {
        return rules.current(caller.tenantId()).map(RetentionController::view);
    }

    @PutMapping
    @Operation(summary = "Set the retention rule (ADMIN): days kept after the last activity, never below the "
            + "tenant's legal minimum; every service purges by it daily")
    public Mono<RetentionView> put(Caller caller, @RequestBody RetentionBody body) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return rules.change(AuditActor.of(caller), caller.tenantId(), body.retentionDays(), body.legalMinimumDays(),
                body.reason()).map(RetentionController::view);
    }

    private static RetentionView view(RetentionRules.Current c) {
        return new RetentionView(c.retentionDays(), c.legalMinimumDays(), c.version(), c.changedBy(), c.changedAt());
    }
}
