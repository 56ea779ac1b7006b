package com.huifang.schedule.visit;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.schedule.visit.store.VisitDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns a recorded service event into planned visits and stores each with its
 * {@code VisitPlanned} event. Visit ids are derived from (service event, plan, stage), so a
 * redelivered event plans nothing twice.
 */
@Service
public class VisitPlanning {

    /** The walking skeleton's fixed rule: one week after discharge, at 10:00 Beijing time. */
    static final String SKELETON_PLAN = "hospital-inpatient";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public VisitPlanning(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> onServiceEvent(EventEnvelope envelope, ServiceEventRecorded event) {
        if (!"DISCHARGED".equals(event.eventType())) {
            return Mono.empty();
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ZonedDateTime local = event.occurredAt().atZone(zone).plusDays(7).with(LocalTime.of(10, 0));
        Instant due = local.toInstant();
        VisitDocument visit = new VisitDocument();
        visit.id = idOf(event.serviceEventId(), SKELETON_PLAN, "main");
        visit.tenantId = envelope.tenantId();
        visit.customerId = event.customerId();
        visit.serviceEventId = event.serviceEventId();
        visit.planId = SKELETON_PLAN;
        visit.planVersion = 1;
        visit.stage = "main";
        visit.surveyTemplateId = "hospital-inpatient";
        visit.state = "PLANNED";
        visit.earliestAt = due;
        visit.dueAt = due;
        visit.deadlineAt = due.plusSeconds(3 * 86_400L);
        visit.channel = "PHONE";
        visit.priority = 2;
        visit.plannedAt = clock.instant();
        visit.explanation = List.of("discharged " + event.occurredAt().atZone(zone).toLocalDateTime()
                + " → +7 days at 10:00 = " + local.toLocalDateTime());
        VisitPlanned planned = new VisitPlanned(visit.id, visit.customerId, visit.planId, visit.planVersion,
                visit.stage, visit.serviceEventId, visit.surveyTemplateId, visit.earliestAt, visit.dueAt,
                visit.deadlineAt, visit.channel, visit.priority, visit.assigneeId, false);
        visit.outbox.add(OutboxEntry.of(EventJson.envelope(eventId("VisitPlanned", visit.id), planned,
                envelope.tenantId(), envelope.correlationId(), visit.plannedAt)));
        return mongo.insert(visit)
                .onErrorResume(DuplicateKeyException.class, alreadyPlanned -> Mono.empty())
                .then();
    }

    static String idOf(String serviceEventId, String planId, String stage) {
        return UUID.nameUUIDFromBytes(("visit:" + serviceEventId + ":" + planId + ":" + stage)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Deterministic event ids: re-emitting the same fact yields the same id, which consumers ignore. */
    public static UUID eventId(String type, String visitId, Object... parts) {
        StringBuilder key = new StringBuilder(type).append(':').append(visitId);
        for (Object p : parts) {
            key.append(':').append(p);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }

}
