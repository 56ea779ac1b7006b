package com.huifang.reporting.facts;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.reporting.facts.store.IssueFactDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import java.time.ZoneId;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Projects events onto visit and issue facts. Every write sets values (never increments), so
 * applying an event twice, or replaying a topic, changes nothing.
 */
@Service
public class FactProjection {

    static final ZoneId TENANT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ReactiveMongoTemplate mongo;

    public FactProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(EventEnvelope e) {
        return switch (e.type()) {
            case "VisitPlanned" -> {
                VisitPlanned p = EventJson.payload(e, VisitPlanned.class);
                yield visit(e, p.visitId(), new Update().set("planId", p.planId()).set("channel", p.channel())
                        .set("dueAt", p.dueAt()).set("deadlineAt", p.deadlineAt())
                        .set("dueDate", p.dueAt().atZone(TENANT_ZONE).toLocalDate()));
            }
            case "VisitDue" -> {
                VisitDue d = EventJson.payload(e, VisitDue.class);
                yield visit(e, d.visitId(), new Update().set("due", true).set("planId", d.planId())
                        .set("dueAt", d.dueAt()).set("dueDate", d.dueAt().atZone(TENANT_ZONE).toLocalDate()));
            }
            case "VisitAttempted" -> {
                VisitAttempted a = EventJson.payload(e, VisitAttempted.class);
                yield visit(e, a.visitId(), new Update().max("attempts", a.attemptNo()).set("agentId", a.agentId()));
            }
            case "VisitCompleted" -> {
                VisitCompleted c = EventJson.payload(e, VisitCompleted.class);
                yield visit(e, c.visitId(), new Update().set("result", c.result()).set("onTime", c.onTime())
                        .set("completedAt", c.completedAt()).set("agentId", c.agentId()).max("attempts", c.attempts()));
            }
            case "SurveySubmitted" -> {
                SurveySubmitted s = EventJson.payload(e, SurveySubmitted.class);
                yield s.visitId() == null ? Mono.empty() : visit(e, s.visitId(), new Update().set("rating", s.rating())
                        .set("satisfied", s.satisfied()).set("nps", s.nps()));
            }
            case "IssueRaised" -> {
                IssueRaised r = EventJson.payload(e, IssueRaised.class);
                Mono<Void> issue = issue(e, r.issueId(), new Update().set("visitId", r.visitId())
                        .set("category", r.category()).set("severity", r.severity()).set("raisedAt", r.raisedAt())
                        .set("raisedDate", r.raisedAt().atZone(TENANT_ZONE).toLocalDate()));
                yield r.visitId() == null ? issue : issue.then(visit(e, r.visitId(), new Update().set("raisedIssue", true)));
            }
            case "IssueResolved" -> {
                IssueResolved r = EventJson.payload(e, IssueResolved.class);
                yield issue(e, r.issueId(), new Update().set("resolvedAt", r.resolvedAt()).set("slaMet", r.slaMet()));
            }
            default -> Mono.empty();
        };
    }

    private Mono<Void> visit(EventEnvelope e, String visitId, Update update) {
        update.setOnInsert("tenantId", e.tenantId());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(e.tenantId())),
                update, FindAndModifyOptions.options().upsert(true), VisitFactDocument.class).then();
    }

    private Mono<Void> issue(EventEnvelope e, String issueId, Update update) {
        update.setOnInsert("tenantId", e.tenantId());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(issueId).and("tenantId").is(e.tenantId())),
                update, FindAndModifyOptions.options().upsert(true), IssueFactDocument.class).then();
    }
}
