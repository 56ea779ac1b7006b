package com.huifang.schedule.access.web;

import com.huifang.platform.security.Caller;
import com.huifang.schedule.access.AccessGrants;
import com.huifang.schedule.access.domain.AccessGrant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/access-grants")
@Tag(name = "Access grants")
@Validated
public class AccessGrantController {

    private final AccessGrants grants;
    private final Clock clock;

    public AccessGrantController(AccessGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * @param grantee the user who may read
     * @param scope   the agent whose visits they may read, or "*" for every visit of the tenant
     * @param reason  why (kept with the grant and in the audit trail)
     * @param until   when the grant ends: in the future, at most 30 days ahead
     */
    public record GrantRequest(@NotBlank @Size(max = 64) String grantee, @NotBlank @Size(max = 64) String scope,
                               @NotBlank @Size(max = 500) String reason, @NotNull Instant until) {
    }

    public record RevokeRequest(@Size(max = 500) String reason) {
    }

    /** A grant as the API shows it; {@code active} = neither revoked nor expired now. */
    public record GrantView(String id, String grantee, String scope, String reason, Instant until, String grantedBy,
                            Instant grantedAt, Instant revokedAt, String revokedBy, String revokeReason, boolean active) {

        static GrantView of(AccessGrant g, Instant now) {
            return new GrantView(g.id(), g.grantee(), g.scope(), g.reason(), g.until(), g.grantedBy(), g.grantedAt(),
                    g.revokedAt(), g.revokedBy(), g.revokeReason(), g.activeAt(now));
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let one user read the full records of an agent's visits (or all, \"*\") until a time at most "
            + "30 days ahead, with a reason; never one's own access (SUPERVISOR, ADMIN; audited)")
    public Mono<GrantView> give(Caller caller, @Valid @RequestBody GrantRequest request) {
        return grants.give(caller, new AccessGrant.Request(request.grantee(), request.scope(), request.reason(),
                request.until())).map(g -> GrantView.of(g, clock.instant()));
    }

    @GetMapping
    @Operation(summary = "The tenant's access grants, newest first, optionally one grantee's (SUPERVISOR, ADMIN, AUDITOR)")
    public Flux<GrantView> list(Caller caller, @RequestParam(required = false) @Size(max = 64) String grantee) {
        Instant now = clock.instant();
        return grants.list(caller, grantee).map(g -> GrantView.of(g, now));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One access grant (SUPERVISOR, ADMIN, AUDITOR)")
    public Mono<GrantView> get(Caller caller, @PathVariable String id) {
        return grants.get(caller, id).map(g -> GrantView.of(g, clock.instant()));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Withdraw a grant before its time (SUPERVISOR, ADMIN; audited)")
    public Mono<GrantView> revoke(Caller caller, @PathVariable String id,
                                  @Valid @RequestBody(required = false) RevokeRequest request) {
        return grants.revoke(caller, id, request == null ? null : request.reason())
                .map(g -> GrantView.of(g, clock.instant()));
    }
}
