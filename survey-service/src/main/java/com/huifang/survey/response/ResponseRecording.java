package com.huifang.survey.response;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.survey.response.domain.AnswerError;
import com.huifang.survey.response.domain.ResponseValidator;
import com.huifang.survey.response.domain.Scores;
import com.huifang.survey.response.domain.SurveyResponse;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Validates a response against the exact template version it answers, scores it, and stores it together with its
 * {@code SurveySubmitted} event (outbox in the same document). One response per visit.
 */
@Service
public class ResponseRecording {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final ResponseValidator validator = new ResponseValidator();

    public ResponseRecording(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The 400 for answers that do not fit; each error names its question (field {@code answers.<id>}). */
    public static ApiProblem invalid(List<AnswerError> errors) {
        return ApiProblem.invalid(errors.stream().map(e -> InvalidField.of(
                e.questionId() == null ? (e.code() == AnswerError.Code.INVALID_FLAG ? "flagNote" : "answers")
                        : "answers." + e.questionId(),
                e.code().name(), "survey.answer." + e.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.questionId() == null ? "" : e.questionId())).toList());
    }

    /** The errors of a response against the exact template version it answers; empty when it fits. */
    public List<AnswerError> check(SurveyTemplate template, SurveyResponse response) {
        return validator.validate(template, response);
    }

    public Mono<ResponseDocument> existing(String tenantId, String visitId) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId).and("visitId").is(visitId)),
                ResponseDocument.class);
    }

    /** @param channel how the answers were given: the visit's channel for an agent, EMAIL/SMS for a link */
    public Mono<ResponseDocument> record(SurveyVisitDocument visit, SurveyTemplate template, SurveyResponse response,
                                         String agentId, String channel) {
        List<AnswerError> errors = validator.validate(template, response);
        if (!errors.isEmpty()) {
            return Mono.error(invalid(errors));
        }
        Scores scores = Scores.of(template, response);
        return CorrelationId.current().defaultIfEmpty(UUID.randomUUID().toString()).flatMap(correlationId -> {
            ResponseDocument r = new ResponseDocument();
            r.id = responseId(visit.tenantId, visit.visitId);
            r.tenantId = visit.tenantId;
            r.visitId = visit.visitId;
            r.customerId = visit.customerId;
            r.planId = visit.planId;
            r.templateId = template.templateId();
            r.templateVersion = template.version();
            r.source = response.source().name();
            r.channel = channel;
            r.agentId = agentId;
            r.answers = AnswerMapping.toStored(response.answers());
            r.rating = scores.meanRating();
            r.satisfied = scores.satisfied();
            r.nps = scores.nps();
            r.npsClass = scores.npsClass() == null ? null : scores.npsClass().name();
            r.problemQuestionIds = new ArrayList<>(scores.problemQuestionIds());
            r.flagged = scores.flagged();
            r.flagNote = scores.flagNote();
            r.comments = new ArrayList<>(scores.comments());
            r.lowScore = scores.lowScore();
            r.raisesIssue = scores.raisesIssue();
            r.submittedAt = clock.instant();
            r.outbox.add(OutboxEntry.of(EventJson.envelope(
                    UUID.nameUUIDFromBytes(("SurveySubmitted:" + r.id).getBytes(StandardCharsets.UTF_8)),
                    submitted(r), r.tenantId, correlationId, r.submittedAt)));
            return mongo.insert(r).onErrorMap(DuplicateKeyException.class,
                    dup -> ApiProblem.conflict("already-answered", "survey.response.already-answered", visit.visitId));
        });
    }

    static String responseId(String tenantId, String visitId) {
        return UUID.nameUUIDFromBytes(("response:" + tenantId + ":" + visitId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static SurveySubmitted submitted(ResponseDocument r) {
        return new SurveySubmitted(r.id, r.visitId, r.customerId, r.planId, r.templateId, r.templateVersion, r.agentId,
                r.channel, r.submittedAt, r.rating, r.satisfied, r.nps, r.npsClass, List.copyOf(r.problemQuestionIds),
                r.flagged, r.flagNote, List.copyOf(r.comments), r.raisesIssue);
    }
}
