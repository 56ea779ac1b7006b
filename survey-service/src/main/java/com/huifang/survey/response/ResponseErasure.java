package com.huifang.survey.response;

import com.huifang.survey.response.domain.AnswerAnonymisation;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.template.TemplateCatalog;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Anonymises an erased customer's survey responses: free-text answers, comments and the agent's flag note go
 * ({@link AnswerAnonymisation}); the scores (rating, CSAT class, NPS, problem marks, flag, low score) and the
 * choice answers stay, so every figure computed from responses stays right. Each response is updated once —
 * the update matches only responses not yet anonymised ({@code erasedAt} unset) — so a replay counts nothing
 * twice.
 */
@Service
public class ResponseErasure {

    private final ReactiveMongoTemplate mongo;
    private final TemplateCatalog templates;

    public ResponseErasure(ReactiveMongoTemplate mongo, TemplateCatalog templates) {
        this.mongo = mongo;
        this.templates = templates;
    }

    /**
     * Anonymises what is left of the customer's responses in the tenant.
     *
     * @return how many of the customer's responses are anonymised now, counting those a previous delivery of the
     *         same erasure did: a replay reports the same number (its confirmation repeats the first, same id)
     */
    public Mono<Integer> anonymise(String tenantId, String customerId, Instant now) {
        Criteria customer = Criteria.where("tenantId").is(tenantId).and("customerId").is(customerId);
        return mongo.find(Query.query(customer).addCriteria(Criteria.where("erasedAt").exists(false)),
                        ResponseDocument.class)
                .concatMap(r -> template(r).flatMap(template -> anonymise(r, template, now)))
                .then(mongo.count(Query.query(customer).addCriteria(Criteria.where("erasedAt").exists(true)),
                        ResponseDocument.class))
                .map(Long::intValue);
    }

    private Mono<Optional<SurveyTemplate>> template(ResponseDocument r) {
        return templates.version(r.tenantId, new TemplateRef(r.templateId, r.templateVersion))
                .map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Integer> anonymise(ResponseDocument r, Optional<SurveyTemplate> template, Instant now) {
        Update strip = new Update()
                .set("answers", AnswerAnonymisation.withoutFreeText(template, r.answers))
                .set("comments", List.of())
                .unset("flagNote")
                .set("erasedAt", now);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(r.id).and("tenantId").is(r.tenantId)
                        .and("erasedAt").exists(false)), strip, ResponseDocument.class)
                .map(result -> (int) result.getModifiedCount());
    }
}
