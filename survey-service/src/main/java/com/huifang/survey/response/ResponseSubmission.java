package com.huifang.survey.response;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Accepts the answers of a visit's survey and stores them with their {@code SurveySubmitted}
 * event. One response per visit: its id is derived from the visit, so a second submission is a
 * conflict, not a second response.
 */
@Service
public class ResponseSubmission {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ResponseSubmission(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record Answers(String visitId, Integer satisfaction, Integer nps, String comment, boolean flagged,
                          String flagNote) {
    }

    public Mono<ResponseDocument> submitByAgent(Caller caller, Answers answers) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(answers.visitId()).and("tenantId").is(caller.tenantId())),
                        SurveyVisitDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("visit", answers.visitId())))
                .flatMap(visit -> CorrelationId.current().flatMap(correlationId -> {
                    ResponseDocument response = score(visit, answers, caller.userId(), clock.instant());
                    response.outbox.add(OutboxEntry.of(EventJson.envelope(
                            UUID.nameUUIDFromBytes(("SurveySubmitted:" + response.id).getBytes(StandardCharsets.UTF_8)),
                            submitted(response), response.tenantId, correlationId, response.submittedAt)));
                    return mongo.insert(response)
                            .onErrorMap(DuplicateKeyException.class, dup -> ApiProblem.conflict("already-answered",
                                    "problem.duplicate"));
                }));
    }

    static ResponseDocument score(SurveyVisitDocument visit, Answers answers, String agentId, Instant now) {
        ResponseDocument r = new ResponseDocument();
        r.id = UUID.nameUUIDFromBytes(("response:" + visit.visitId).getBytes(StandardCharsets.UTF_8)).toString();
        r.tenantId = visit.tenantId;
        r.visitId = visit.visitId;
        r.customerId = visit.customerId;
        r.planId = visit.planId;
        r.templateId = visit.surveyTemplateId == null ? "default" : visit.surveyTemplateId;
        r.templateVersion = 1;
        r.channel = visit.channel == null ? "PHONE" : visit.channel;
        r.agentId = agentId;
        r.answers = answersOf(answers);
        if (answers.satisfaction() != null) {
            r.rating = answers.satisfaction().doubleValue();
            r.satisfied = answers.satisfaction() >= 4;
        }
        if (answers.nps() != null) {
            r.nps = answers.nps();
            r.npsClass = answers.nps() >= 9 ? "PROMOTER" : answers.nps() >= 7 ? "PASSIVE" : "DETRACTOR";
        }
        r.flagged = answers.flagged();
        r.flagNote = answers.flagNote();
        if (answers.comment() != null && !answers.comment().isBlank()) {
            r.comments = new ArrayList<>(List.of(answers.comment()));
        }
        r.raisesIssue = r.flagged || (answers.satisfaction() != null && answers.satisfaction() <= 2)
                || (answers.nps() != null && answers.nps() <= 6);
        r.submittedAt = now;
        return r;
    }

    private static Map<String, Object> answersOf(Answers a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (a.satisfaction() != null) {
            m.put("satisfaction", a.satisfaction());
        }
        if (a.nps() != null) {
            m.put("nps", a.nps());
        }
        if (a.comment() != null) {
            m.put("comment", a.comment());
        }
        return m;
    }

    static SurveySubmitted submitted(ResponseDocument r) {
        return new SurveySubmitted(r.id, r.visitId, r.customerId, r.planId, r.templateId, r.templateVersion, r.agentId,
                r.channel, r.submittedAt, r.rating, r.satisfied, r.nps, r.npsClass, List.of(), r.flagged, r.flagNote,
                r.comments, r.raisesIssue);
    }
}
