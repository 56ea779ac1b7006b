package com.huifang.schedule.sampling;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.SampleDrawn;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.schedule.sampling.domain.Sample;
import com.huifang.schedule.sampling.store.SampleDrawDocument;
import com.huifang.schedule.visit.VisitPlanning;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A supervisor's draw of a sampling plan's period, announced: the sample is drawn and its visits planned
 * ({@link VisitPlanning#drawSample}, one document write per visit), then {@link SampleDrawn} is written as
 * a stand-alone outbox document in {@value AuditTrail#COLLECTION} (which every service's relay drains),
 * keyed by tenant, plan and period. The draw writes several documents, so no single write can carry the
 * event: it is written only after every visit was, and a failed draw announces nothing. The period's
 * draw is then kept ({@link SampleDrawDocument}), so drawing the same period again publishes nothing;
 * should the service die between the outbox entry and that record, the next draw writes the entry again
 * with the same event id, which reporting drops as a duplicate.
 */
@Service
public class SampleAnnouncements {

    private final VisitPlanning planning;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public SampleAnnouncements(VisitPlanning planning, ReactiveMongoTemplate mongo, Clock clock) {
        this.planning = planning;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Draws the period's sample, plans its visits and announces the draw (the first draw's figures stand). */
    public Mono<VisitPlanning.DrawResult> draw(String tenantId, String planId, String period, String correlationId) {
        return planning.drawSample(tenantId, planId, period, correlationId)
                .flatMap(r -> announce(tenantId, planId, period, r.sample(), correlationId).thenReturn(r));
    }

    /** The SampleDrawn event id of a plan's period: the same for every draw of it. */
    public static UUID eventIdOf(String tenantId, String planId, String period) {
        return UUID.nameUUIDFromBytes(("sample-drawn:" + tenantId + ":" + planId + ":" + period)
                .getBytes(StandardCharsets.UTF_8));
    }

    private Mono<Void> announce(String tenantId, String planId, String period, Sample sample, String correlationId) {
        String id = SampleDrawDocument.idOf(tenantId, planId, period);
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), SampleDrawDocument.class)
                .flatMap(announced -> announced ? Mono.<Void>empty() : Mono.defer(() -> {
                    Instant now = clock.instant();
                    UUID eventId = eventIdOf(tenantId, planId, period);
                    SampleDrawn payload = new SampleDrawn(planId, period, sample.population(), sample.tier().percent(),
                            sample.requiredWithMandatory(), sample.mandatory(), sample.selected().size(), now);
                    OutboxEntry entry = OutboxEntry.of(EventJson.envelope(eventId, payload, tenantId,
                            correlationId == null ? "sample-" + id : correlationId, now));
                    SampleDrawDocument drawn = new SampleDrawDocument();
                    drawn.id = id;
                    drawn.tenantId = tenantId;
                    drawn.planId = planId;
                    drawn.period = period;
                    drawn.population = payload.population();
                    drawn.tierPercent = sample.tier().percent();
                    drawn.required = payload.required();
                    drawn.mandatory = payload.mandatory();
                    drawn.selected = payload.selected();
                    drawn.eventId = eventId.toString();
                    drawn.drawnAt = now;
                    return mongo.insert(new Announcement(eventId.toString(), tenantId, now, List.of(entry)),
                                    AuditTrail.COLLECTION)
                            .then()
                            // still waiting for the relay (a concurrent or repeated draw): it stands
                            .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                            .then(mongo.insert(drawn).then())
                            .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
                }));
    }

    /** The stored shape of a stand-alone outbox document; the relay reads {@code outbox}. */
    record Announcement(String id, String tenantId, Instant at, List<OutboxEntry> outbox) {
    }
}
