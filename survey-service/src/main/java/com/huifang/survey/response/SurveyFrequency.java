package com.huifang.survey.response;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.survey.response.domain.SurveyFrequencyGuard;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.support.SurveyProperties;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Applies the tenant's frequency guard to a visit's customer: 409 with the date surveys are allowed from. */
@Service
public class SurveyFrequency {

    private final ReactiveMongoTemplate mongo;
    private final SurveyProperties properties;
    private final Clock clock;

    public SurveyFrequency(ReactiveMongoTemplate mongo, SurveyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> check(SurveyVisitDocument visit) {
        if (visit.customerId == null) {
            return Mono.empty();
        }
        Query last = Query.query(Criteria.where("tenantId").is(visit.tenantId).and("customerId").is(visit.customerId)
                        .and("visitId").ne(visit.visitId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(1);
        last.fields().include("submittedAt");
        return mongo.findOne(last, ResponseDocument.class)
                .map(r -> Optional.of(r.submittedAt))
                .defaultIfEmpty(Optional.<Instant>empty())
                .flatMap(lastAt -> {
                    var decision = new SurveyFrequencyGuard(properties.quietDaysOf(visit.tenantId), properties.zone())
                            .decide(lastAt, clock.instant(),
                                    requiredByItsPlan(visit));
                    if (decision.allowed()) {
                        return Mono.empty();
                    }
                    return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "surveyed-recently",
                            "survey.frequency.too-soon", new Object[] {decision.allowedFrom().toString()},
                            java.util.List.of(), Map.of("allowedFrom", decision.allowedFrom().toString())));
                });
    }

    /**
     * A re-contact that confirms an issue's resolution is part of the closed loop, not another
     * survey of a customer surveyed recently: it is always allowed, like a stage the tenant requires.
     */
    private boolean requiredByItsPlan(SurveyVisitDocument visit) {
        return RECONTACT_PLAN.equals(visit.planId) || properties.stageRequiresSurvey(visit.tenantId, visit.stage);
    }

    static final String RECONTACT_PLAN = "issue-recontact";
}
