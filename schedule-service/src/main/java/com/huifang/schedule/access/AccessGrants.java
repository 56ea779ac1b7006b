package com.huifang.schedule.access;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.access.domain.AccessGrant;
import com.huifang.schedule.access.store.AccessGrantDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Access grants (issue 10 §4): given and revoked by supervisors and admins, each change audited in
 * the same write as the grant (its document's outbox), listed for supervisors, admins and auditors.
 */
@Service
public class AccessGrants {

    private final ReactiveMongoTemplate mongo;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public AccessGrants(ReactiveMongoTemplate mongo, AuditTrail auditTrail, Clock clock) {
        this.mongo = mongo;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public Mono<AccessGrant> give(Caller caller, AccessGrant.Request request) {
        return Mono.defer(() -> {
            requireApprover(caller);
            Instant now = clock.instant();
            AccessGrant grant;
            try {
                grant = AccessGrant.give(UUID.randomUUID().toString(), caller.userId(), request, now);
            } catch (AccessGrant.InvalidGrantException e) {
                return Mono.error(ApiProblem.invalid(e.problems().stream()
                        .map(p -> InvalidField.of(p.field(), p.code(), "schedule.access.grant." + p.code(),
                                AccessGrant.LONGEST.toDays()))
                        .toList()));
            } catch (AccessGrant.GrantRuleException e) {
                return Mono.error(rule(e));
            }
            Map<String, String> after = new LinkedHashMap<>();
            after.put("grantee", grant.grantee());
            after.put("scope", grant.scope());
            after.put("until", grant.until().toString());
            AuditDraft draft = AuditDraft.by(AuditActor.of(caller), caller.tenantId()).action("access.granted")
                    .target("access-grant", grant.id()).after(after).reason(grant.reason()).build();
            AccessGrantDocument doc = AccessGrantDocument.of(caller.tenantId(), grant);
            return auditTrail.entry(draft).flatMap(entry -> {
                doc.outbox.add(entry);
                return mongo.insert(doc);
            }).map(AccessGrantDocument::toGrant);
        });
    }

    /** The tenant's grants, newest first; optionally one grantee's. */
    public Flux<AccessGrant> list(Caller caller, String grantee) {
        Criteria c = Criteria.where("tenantId").is(caller.tenantId());
        if (grantee != null && !grantee.isBlank()) {
            c = c.and("grantee").is(grantee);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "grantedAt").and(Sort.by("_id"))).limit(1000),
                AccessGrantDocument.class).map(AccessGrantDocument::toGrant);
    }

    public Mono<AccessGrant> get(Caller caller, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())),
                        AccessGrantDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("access-grant", id)))
                .map(AccessGrantDocument::toGrant);
    }

    /** Withdraws a grant: from now on it lets nobody read anything; audited in the same write. */
    public Mono<AccessGrant> revoke(Caller caller, String id, String why) {
        return Mono.defer(() -> {
            requireApprover(caller);
            return get(caller, id).flatMap(grant -> {
                Instant now = clock.instant();
                AccessGrant revoked;
                try {
                    revoked = grant.revoke(caller.userId(), why, now);
                } catch (AccessGrant.GrantRuleException e) {
                    return Mono.error(rule(e));
                }
                Map<String, String> before = Map.of("until", grant.until().toString(),
                        "active", String.valueOf(grant.activeAt(now)));
                AuditDraft draft = AuditDraft.by(AuditActor.of(caller), caller.tenantId()).action("access.revoked")
                        .target("access-grant", id).before(before)
                        .after(Map.of("grantee", grant.grantee(), "scope", grant.scope(), "revokedAt", now.toString()))
                        .reason(why).build();
                return auditTrail.entry(draft).flatMap(entry -> mongo.updateFirst(
                                Query.query(Criteria.where("_id").is(id).and("tenantId").is(caller.tenantId())
                                        .and("revokedAt").is(null)),
                                new Update().set("revokedAt", now).set("revokedBy", caller.userId())
                                        .set("revokeReason", why).push("outbox", entry),
                                AccessGrantDocument.class))
                        .flatMap(result -> result.getModifiedCount() == 1 ? Mono.just(revoked)
                                : Mono.error(ApiProblem.conflict("already-revoked", "schedule.access.grant.already-revoked", id)));
            });
        });
    }

    /** The grants of {@code grantee} that may still count at {@code now}: not revoked, not expired. */
    public Flux<AccessGrant> activeFor(String tenantId, String grantee, Instant now) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("grantee").is(grantee)
                        .and("revokedAt").is(null).and("until").gt(now)).limit(200), AccessGrantDocument.class)
                .map(AccessGrantDocument::toGrant);
    }

    private static ApiProblem rule(AccessGrant.GrantRuleException e) {
        return new ApiProblem(HttpStatus.CONFLICT, e.code(), "schedule.access.grant." + e.code());
    }

    private static void requireApprover(Caller caller) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            throw ApiProblem.forbidden("schedule.access.grant.approvers-only");
        }
    }
}
