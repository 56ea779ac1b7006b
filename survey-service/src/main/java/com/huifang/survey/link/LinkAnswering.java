package com.huifang.survey.link;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.survey.link.domain.LinkState;
import com.huifang.survey.link.domain.LinkToken;
import com.huifang.survey.link.domain.SurveyLink;
import com.huifang.survey.link.domain.TokenOutcome;
import com.huifang.survey.link.store.LinkDocument;
import com.huifang.survey.response.AnswerMapping;
import com.huifang.survey.response.ResponseRecording;
import com.huifang.survey.response.domain.AnswerError;
import com.huifang.survey.response.domain.ResponseValidator;
import com.huifang.survey.response.domain.SurveyResponse;
import com.huifang.survey.template.TemplateCatalog;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.visit.VisitSurveys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A customer presenting a link token: to see the survey, or to submit it once. A bad token (unknown, used,
 * expired) stores nothing. Using the link is a conditional update on {@code state = ISSUED} and the expiry, so two
 * racing submissions cannot both be accepted.
 */
@Service
public class LinkAnswering {

    private final ReactiveMongoTemplate mongo;
    private final TemplateCatalog catalog;
    private final VisitSurveys visits;
    private final ResponseRecording recording;
    private final Clock clock;
    private final ResponseValidator validator = new ResponseValidator();

    public LinkAnswering(ReactiveMongoTemplate mongo, TemplateCatalog catalog, VisitSurveys visits,
                         ResponseRecording recording, Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.visits = visits;
        this.recording = recording;
        this.clock = clock;
    }

    /** What the page shows: the outcome, and the template when VALID (else null). */
    public record Presented(TokenOutcome outcome, SurveyTemplate template) {
    }

    public sealed interface Submission {
        /** Stored: thank the customer. */
        record Accepted(SurveyTemplate template) implements Submission {
        }

        /** The token was not VALID (or stopped being VALID meanwhile); nothing stored. */
        record Refused(TokenOutcome outcome) implements Submission {
        }

        /** The answers do not fit: show the form again with the errors; the link stays usable. */
        record Invalid(SurveyTemplate template, List<AnswerError> errors, Map<String, List<String>> form)
                implements Submission {
        }
    }

    public Mono<Presented> present(String token) {
        return find(token).flatMap(link -> {
            TokenOutcome outcome = SurveyLink.present(Optional.of(link.toDomain()), clock.instant());
            if (outcome != TokenOutcome.VALID) {
                return Mono.just(new Presented(outcome, null));
            }
            return template(link).map(t -> new Presented(outcome, t));
        }).defaultIfEmpty(new Presented(TokenOutcome.UNKNOWN, null));
    }

    public Mono<Submission> submit(String token, Map<String, List<String>> form) {
        return find(token).flatMap(link -> {
            Instant now = clock.instant();
            TokenOutcome outcome = link.toDomain().outcomeAt(now);
            if (outcome != TokenOutcome.VALID) {
                return Mono.<Submission>just(new Submission.Refused(outcome));
            }
            return template(link).flatMap(template -> {
                AnswerMapping.Mapped mapped = AnswerMapping.fromForm(template, form);
                SurveyResponse response = SurveyResponse.byCustomer(template.ref(), mapped.answers());
                List<AnswerError> errors = new ArrayList<>(mapped.errors());
                errors.addAll(validator.validate(template, response));
                if (!errors.isEmpty()) {
                    return Mono.just(new Submission.Invalid(template, errors, form));
                }
                return use(link, now).flatMap(used -> used
                        ? record(link, template, response)
                        : find(token).map(l -> (Submission) new Submission.Refused(l.toDomain().outcomeAt(now))));
            });
        }).defaultIfEmpty(new Submission.Refused(TokenOutcome.UNKNOWN));
    }

    private Mono<Submission> record(LinkDocument link, SurveyTemplate template, SurveyResponse response) {
        return visits.visit(link.tenantId, link.visitId)
                .flatMap(visit -> recording.record(visit, template, response, null, link.channel))
                .map(r -> (Submission) new Submission.Accepted(template))
                .onErrorResume(ApiProblem.class, e -> "already-answered".equals(e.code())
                        ? Mono.just(new Submission.Refused(TokenOutcome.USED))
                        : release(link).then(Mono.error(e)))
                .onErrorResume(e -> !(e instanceof ApiProblem), e -> release(link).then(Mono.error(e)));
    }

    /** Marks the link used if it still is ISSUED and unexpired; false when another submission won. */
    private Mono<Boolean> use(LinkDocument link, Instant now) {
        Query q = Query.query(Criteria.where("_id").is(link.tokenHash).and("state").is(LinkState.ISSUED)
                .and("expiresAt").gt(now));
        return mongo.findAndModify(q, new Update().set("state", LinkState.USED).set("usedAt", now),
                        FindAndModifyOptions.options().returnNew(true), LinkDocument.class)
                .map(d -> true)
                .defaultIfEmpty(false);
    }

    /** The response could not be stored: give the customer their link back. */
    private Mono<Void> release(LinkDocument link) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(link.tokenHash).and("state").is(LinkState.USED)),
                new Update().set("state", LinkState.ISSUED).unset("usedAt"), LinkDocument.class).then();
    }

    private Mono<LinkDocument> find(String token) {
        if (!LinkToken.wellFormed(token)) {
            return Mono.empty();
        }
        return mongo.findById(LinkToken.hash(token), LinkDocument.class);
    }

    private Mono<SurveyTemplate> template(LinkDocument link) {
        return catalog.version(link.tenantId, new com.huifang.survey.template.domain.TemplateRef(link.templateId,
                link.templateVersion));
    }
}
