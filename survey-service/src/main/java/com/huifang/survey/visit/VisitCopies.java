package com.huifang.survey.visit;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Keeps the copy of visits up to date; every write is an idempotent upsert of the event's facts. */
@Service
public class VisitCopies {

    private final ReactiveMongoTemplate mongo;

    public VisitCopies(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(EventEnvelope envelope) {
        return switch (envelope.type()) {
            case "VisitPlanned" -> {
                VisitPlanned p = EventJson.payload(envelope, VisitPlanned.class);
                yield upsert(envelope, p.visitId(), p.customerId(), p.planId(), p.stage(), p.serviceEventId(),
                        p.surveyTemplateId(), p.channel(), p.assigneeId(), p.dueAt());
            }
            case "VisitDue" -> {
                VisitDue d = EventJson.payload(envelope, VisitDue.class);
                yield upsert(envelope, d.visitId(), d.customerId(), d.planId(), null, null, d.surveyTemplateId(),
                        d.channel(), d.assigneeId(), d.dueAt());
            }
            default -> Mono.empty();
        };
    }

    private Mono<Void> upsert(EventEnvelope envelope, String visitId, String customerId, String planId,
                              String stage, String serviceEventId, String templateId, String channel, String assigneeId, java.time.Instant dueAt) {
        Update update = new Update()
                .setOnInsert("tenantId", envelope.tenantId())
                .set("customerId", customerId)
                .set("planId", planId)
                .set("surveyTemplateId", templateId)
                .set("channel", channel)
                .set("assigneeId", assigneeId)
                .set("dueAt", dueAt)
                .set("updatedAt", envelope.occurredAt());
        if (stage != null) {
            update.set("stage", stage); // VisitDue does not carry the stage: keep what VisitPlanned said
        }
        if (serviceEventId != null) {
            update.set("serviceEventId", serviceEventId); // nor the service event (whose date the script shows)
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(envelope.tenantId())),
                        update, FindAndModifyOptions.options().upsert(true), SurveyVisitDocument.class)
                .then();
    }
}
