package com.huifang.schedule.access;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.access.domain.AccessGrant;
import com.huifang.schedule.access.domain.VisitReadPolicy;
import com.huifang.schedule.access.domain.VisitReadPolicy.Decision;
import com.huifang.schedule.access.domain.VisitReadPolicy.Reader;
import com.huifang.schedule.access.domain.VisitReadPolicy.VisitHolder;
import com.huifang.schedule.assignment.store.TeamDocument;
import com.huifang.schedule.visit.store.VisitDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies {@link VisitReadPolicy} to reads of visits: a read of one visit the caller may not see in
 * full is a 403; in a list such a visit comes without its record. Every read through a grant writes
 * {@code visit.read.granted}; a supervisor's, auditor's or admin's read of one visit held by someone
 * else writes {@code visit.read}. The caller's teams and grants are read only when the visit is not
 * their own and they are not privileged.
 */
@Service
public class VisitReadAccess {

    /** A visit and whether the caller may see its full record. */
    public record Readable(VisitDocument visit, boolean full) {
    }

    private final ReactiveMongoTemplate mongo;
    private final AccessGrants grants;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public VisitReadAccess(ReactiveMongoTemplate mongo, AccessGrants grants, AuditTrail auditTrail, Clock clock) {
        this.mongo = mongo;
        this.grants = grants;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The visit if the caller may read its full record (the read audited as needed), else a 403. */
    public Mono<VisitDocument> require(Caller caller, VisitDocument visit) {
        Instant now = clock.instant();
        Mono<Context> context = context(caller, now).cache();
        return decide(caller, visit, context, now).flatMap(decision -> switch (decision.basis()) {
            case DENIED -> Mono.error(ApiProblem.forbidden("schedule.access.visit-record-needs-grant", visit.id));
            case GRANT -> auditGrantRead(caller, visit, decision).thenReturn(visit);
            case PRIVILEGED -> auditTrail.record(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                    .action("visit.read").target("visit", visit.id)
                    .after(Map.of("assigneeId", String.valueOf(visit.assigneeId))).build()).thenReturn(visit);
            case OWN, QUEUE -> Mono.just(visit);
        });
    }

    /**
     * Sorts out a list: visits whose record the caller may read (reads through a grant audited one
     * by one), and the others, to be shown without their record. Supervisors', auditors' and
     * admins' list reads are not audited one by one.
     */
    public Flux<Readable> sortOut(Caller caller, Flux<VisitDocument> visits) {
        Instant now = clock.instant();
        Mono<Context> context = context(caller, now).cache();
        return visits.concatMap(visit -> decide(caller, visit, context, now).flatMap(decision -> switch (decision.basis()) {
            case DENIED -> Mono.just(new Readable(visit, false));
            case GRANT -> auditGrantRead(caller, visit, decision).thenReturn(new Readable(visit, true));
            default -> Mono.just(new Readable(visit, true));
        }));
    }

    private Mono<Void> auditGrantRead(Caller caller, VisitDocument visit, Decision decision) {
        return auditTrail.record(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                .action("visit.read.granted").target("visit", visit.id)
                .after(Map.of("grantId", decision.grantId())).build());
    }

    private Mono<Decision> decide(Caller caller, VisitDocument visit, Mono<Context> context, Instant now) {
        boolean privileged = caller.hasAnyRole(Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN);
        VisitHolder holder = new VisitHolder(visit.assigneeId, visit.callbackAgentId, visit.teamId);
        // without the caller's teams and grants: enough for their own visits, privileged readers, the tenant queue
        Decision quick = VisitReadPolicy.decide(new Reader(caller.userId(), privileged, Set.of()), holder, List.of(), now);
        if (quick.allowed()) {
            return Mono.just(quick);
        }
        return context.map(c -> VisitReadPolicy.decide(new Reader(caller.userId(), false, c.teamIds()), holder,
                c.grants(), now));
    }

    private record Context(Set<String> teamIds, List<AccessGrant> grants) {
    }

    private Mono<Context> context(Caller caller, Instant now) {
        Mono<Set<String>> teams = mongo.find(Query.query(Criteria.where("tenantId").is(caller.tenantId())
                        .and("agents.id").is(caller.userId())), TeamDocument.class)
                .map(t -> t.teamId).collect(Collectors.toSet());
        return Mono.zip(teams, grants.activeFor(caller.tenantId(), caller.userId(), now).collectList())
                .map(t -> new Context(t.getT1(), t.getT2()));
    }
}
