package com.huifang.schedule.visit;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.schedule.visit.store.AttemptRecord;
import com.huifang.schedule.visit.store.VisitDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records attempts on a visit. The visit, its new attempt and the events it causes are saved in
 * one document write guarded by the version: two agents recording at once cannot both win.
 */
@Service
public class VisitCommands {

    static final Set<String> OPEN_STATES = Set.of("DUE", "IN_PROGRESS");

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public VisitCommands(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record AttemptCommand(String channel, String outcome, Integer ringSeconds, Integer durationSeconds,
                                 String recordingRef, String notes, boolean completesVisit) {
    }

    public Mono<VisitDocument> recordAttempt(Caller caller, String visitId, AttemptCommand command) {
        return Mono.defer(() -> load(caller, visitId).flatMap(visit -> apply(caller, visit, command)))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance));
    }

    public Mono<VisitDocument> load(Caller caller, String visitId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(caller.tenantId())),
                        VisitDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("visit", visitId)));
    }

    private Mono<VisitDocument> apply(Caller caller, VisitDocument visit, AttemptCommand command) {
        if (!OPEN_STATES.contains(visit.state)) {
            return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "illegal-transition",
                    "schedule.visit.illegal-transition", new Object[] {visit.state, "record an attempt"},
                    java.util.List.of(), Map.of("state", visit.state)));
        }
        Instant now = clock.instant();
        int number = visit.attempts.size() + 1;
        String channel = command.channel() == null ? visit.channel : command.channel();
        visit.attempts.add(new AttemptRecord(number, channel, command.outcome(), command.ringSeconds(),
                command.durationSeconds(), command.recordingRef(), command.notes(), caller.userId(), now));
        visit.state = "IN_PROGRESS";
        return CorrelationId.current().flatMap(correlationId -> {
            VisitAttempted attempted = new VisitAttempted(visit.id, visit.customerId, visit.planId, number, channel,
                    command.outcome(), command.ringSeconds(), command.durationSeconds(), caller.userId(), now);
            visit.outbox.add(OutboxEntry.of(EventJson.envelope(VisitPlanning.eventId("VisitAttempted", visit.id, number),
                    attempted, visit.tenantId, correlationId, now)));
            if ("REACHED".equals(command.outcome()) && command.completesVisit()) {
                visit.state = "COMPLETED";
                visit.result = "COMPLETED";
                visit.closedAt = now;
                visit.assigneeId = caller.userId();
                boolean onTime = visit.deadlineAt == null || !now.isAfter(visit.deadlineAt);
                VisitCompleted completed = new VisitCompleted(visit.id, visit.customerId, visit.planId, "COMPLETED",
                        channel, caller.userId(), now, visit.deadlineAt, onTime, number);
                visit.outbox.add(OutboxEntry.of(EventJson.envelope(VisitPlanning.eventId("VisitCompleted", visit.id),
                        completed, visit.tenantId, correlationId, now)));
            }
            return mongo.save(visit);
        });
    }
}
