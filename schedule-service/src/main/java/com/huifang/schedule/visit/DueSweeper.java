package com.huifang.schedule.visit;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.VisitDue;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes {@code VisitDue} exactly once per visit, however many schedule-service instances run:
 * each candidate is claimed by one conditional single-document update (state PLANNED → DUE) that
 * also appends the event to the visit's outbox. Only one instance's update can match; a restart
 * simply finds the visits still PLANNED. {@link VisitTasks} runs a pass every
 * {@code huifang.schedule.sweep-interval}.
 */
@Component
public class DueSweeper {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Counter fired;

    public DueSweeper(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        this.fired = Counter.builder("huifang.visits.due.fired").description("Visits that fell due").register(registry);
    }

    /** One pass: claims every visit due by now; returns how many this instance claimed. */
    public Mono<Long> sweepOnce() {
        Instant now = clock.instant();
        Query candidates = Query.query(Criteria.where("state").is("PLANNED").and("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(500);
        candidates.fields().include("_id");
        return mongo.find(candidates, VisitDocument.class)
                .concatMap(candidate -> claim(candidate.id, now))
                .count();
    }

    private Mono<VisitDocument> claim(String visitId, Instant now) {
        return mongo.findById(visitId, VisitDocument.class)
                .filter(v -> "PLANNED".equals(v.state))
                .flatMap(v -> {
                    VisitDue due = new VisitDue(v.id, v.customerId, v.planId, v.surveyTemplateId, v.dueAt,
                            v.deadlineAt, v.channel, v.priority, v.assigneeId);
                    OutboxEntry entry = OutboxEntry.of(EventJson.envelope(VisitMapping.eventId("VisitDue", v.id),
                            due, v.tenantId, null, now));
                    Query unclaimed = Query.query(Criteria.where("_id").is(v.id).and("state").is("PLANNED"));
                    Update claim = new Update().set("state", "DUE").set("dueFiredAt", now).inc("version", 1)
                            .push("outbox", entry);
                    return mongo.findAndModify(unclaimed, claim, FindAndModifyOptions.options().returnNew(true),
                            VisitDocument.class);
                })
                .doOnNext(v -> fired.increment());
    }
}
