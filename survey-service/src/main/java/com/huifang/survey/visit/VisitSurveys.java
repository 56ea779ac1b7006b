package com.huifang.survey.visit;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.survey.template.TemplateCatalog;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.template.domain.TemplateRef;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A visit of the caller's tenant and the survey template its plan names. */
@Service
public class VisitSurveys {

    private final ReactiveMongoTemplate mongo;
    private final TemplateCatalog catalog;

    public VisitSurveys(ReactiveMongoTemplate mongo, TemplateCatalog catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    /** 404 unless the visit belongs to the tenant. */
    public Mono<SurveyVisitDocument> visit(String tenantId, String visitId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(tenantId)),
                        SurveyVisitDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("visit", visitId)));
    }

    /**
     * The latest version of the visit's template (refused when the tenant retired it), or the exact version asked
     * for (pinning).
     */
    public Mono<SurveyTemplate> template(SurveyVisitDocument visit, Integer version) {
        if (visit.surveyTemplateId == null || visit.surveyTemplateId.isBlank()) {
            return Mono.error(ApiProblem.conflict("no-survey", "survey.visit.no-survey", visit.visitId));
        }
        if (version == null) {
            // a new survey: not on a template the tenant retired (answers pinned to a version still count)
            return catalog.retirement(visit.tenantId, visit.surveyTemplateId)
                    .flatMap(r -> Mono.<SurveyTemplate>error(ApiProblem.conflict("template-retired",
                            "survey.template.retired", visit.surveyTemplateId)))
                    .switchIfEmpty(Mono.defer(() -> catalog.latest(visit.tenantId, visit.surveyTemplateId)));
        }
        if (version < 1) {
            return Mono.error(ApiProblem.notFound("survey template", visit.surveyTemplateId + "@v" + version));
        }
        return catalog.version(visit.tenantId, new TemplateRef(visit.surveyTemplateId, version));
    }
}
