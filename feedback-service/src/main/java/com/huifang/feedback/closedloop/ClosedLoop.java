package com.huifang.feedback.closedloop;

import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.feedback.closedloop.store.ReContactVisitDocument;
import com.huifang.feedback.issue.IssueWorkflow;
import com.huifang.feedback.issue.domain.Actor;
import com.huifang.feedback.issue.domain.IssueState;
import com.huifang.feedback.issue.domain.Role;
import com.huifang.feedback.issue.store.IssueDocument;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The closed loop after a resolution: {@code IssueResolved} makes schedule-service plan a re-contact visit
 * (plan {@value #RECONTACT_PLAN}); its survey answer confirms and closes the issue, or reopens it.
 *
 * <p>Which issue a re-contact visit belongs to: the {@code VisitPlanned} event has no issue field, so
 * schedule-service names the issue in {@code serviceEventId} (the issue is what triggered the visit). When
 * that names a resolved issue of the same tenant and customer, that issue; otherwise the customer's issue
 * in state RESOLVED that was resolved last (a customer rarely has two issues awaiting confirmation at once;
 * if so, the newest resolution is the one the visit was planned for). The match is kept in
 * {@code recontact_visits} with how it was made.
 *
 * <p>A re-contact visit that ends REFUSED or FAILED leaves the issue RESOLVED, marked with the outcome, for a
 * supervisor to waive with a reason.
 */
@Service
public class ClosedLoop {

    public static final String RECONTACT_PLAN = "issue-recontact";
    private static final Logger log = LoggerFactory.getLogger(ClosedLoop.class);
    private static final Set<String> UNREACHED = Set.of("REFUSED", "FAILED");

    private final ReactiveMongoTemplate mongo;
    private final IssueWorkflow workflow;
    private final Clock clock;

    public ClosedLoop(ReactiveMongoTemplate mongo, IssueWorkflow workflow, Clock clock) {
        this.mongo = mongo;
        this.workflow = workflow;
        this.clock = clock;
    }

    public static boolean isReContact(String planId) {
        return RECONTACT_PLAN.equals(planId);
    }

    /** By its plan, or because the visit is one feedback linked to an issue. */
    public Mono<Boolean> isReContact(String tenantId, SurveySubmitted survey) {
        if (isReContact(survey.planId())) {
            return Mono.just(true);
        }
        return survey.visitId() == null ? Mono.just(false)
                : mongo.exists(Query.query(Criteria.where("_id").is(survey.visitId()).and("tenantId").is(tenantId)),
                        ReContactVisitDocument.class);
    }

    public Mono<Void> visitPlanned(String tenantId, VisitPlanned planned) {
        if (!isReContact(planned.planId())) {
            return Mono.empty();
        }
        Mono<ReContactVisitDocument> byIssueId = planned.serviceEventId() == null ? Mono.empty()
                : mongo.findOne(Query.query(Criteria.where("_id").is(planned.serviceEventId()).and("tenantId").is(tenantId)
                        .and("customerId").is(planned.customerId()).and("state").is(IssueState.RESOLVED.name())),
                        IssueDocument.class).map(i -> link(planned, i, "ISSUE_ID"));
        return byIssueId
                .switchIfEmpty(Mono.defer(() -> resolvedIssueOf(tenantId, planned.customerId())
                        .map(i -> link(planned, i, "CUSTOMER"))))
                .flatMap(link -> mongo.save(link)
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(link.issueId).and("tenantId").is(tenantId)),
                                new Update().set("reContactVisitId", link.visitId).unset("reContactOutcome"),
                                IssueDocument.class)))
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn(
                        "Re-contact visit {} of customer {}: no resolved issue to confirm", planned.visitId(),
                        planned.customerId())))
                .then();
    }

    /** The survey of a re-contact visit: satisfied (CSAT 4–5, or no rating and nothing that raises an issue) closes. */
    public Mono<Void> reContactAnswered(String tenantId, SurveySubmitted survey) {
        boolean satisfied = survey.satisfied() != null ? survey.satisfied() : !survey.raisesIssue();
        var actor = survey.agentId() != null ? new Actor(survey.agentId(), Role.AGENT) : Actor.system();
        String comment = survey.comments() == null || survey.comments().isEmpty() ? null : String.join("; ", survey.comments());
        return issueOf(tenantId, survey.visitId(), survey.customerId())
                .flatMap(issueId -> workflow.act(tenantId, issueId, step -> step.issue().state() != IssueState.RESOLVED
                        ? List.of()
                        : step.issue().recordReContact(actor, survey.visitId(), satisfied, comment, step.now())))
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn(
                        "Survey {} of re-contact visit {}: no issue awaiting confirmation", survey.responseId(),
                        survey.visitId())))
                .then();
    }

    public Mono<Void> visitCompleted(String tenantId, VisitCompleted completed) {
        if (!isReContact(completed.planId())) {
            return Mono.empty();
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(completed.visitId()).and("tenantId").is(tenantId)),
                        new Update().set("outcome", completed.result()), FindAndModifyOptions.options().returnNew(true),
                        ReContactVisitDocument.class)
                .filter(link -> UNREACHED.contains(completed.result()))
                .flatMap(link -> mongo.updateFirst(Query.query(Criteria.where("_id").is(link.issueId).and("tenantId")
                                .is(tenantId).and("state").is(IssueState.RESOLVED.name())),
                        new Update().set("reContactOutcome", completed.result()), IssueDocument.class))
                .then();
    }

    private Mono<String> issueOf(String tenantId, String visitId, String customerId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(tenantId)),
                        ReContactVisitDocument.class)
                .map(l -> l.issueId)
                .switchIfEmpty(Mono.defer(() -> resolvedIssueOf(tenantId, customerId).map(d -> d.id)));
    }

    private Mono<IssueDocument> resolvedIssueOf(String tenantId, String customerId) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId).and("customerId").is(customerId)
                        .and("state").is(IssueState.RESOLVED.name())).with(Sort.by(Sort.Direction.DESC, "resolvedAt")),
                IssueDocument.class);
    }

    private ReContactVisitDocument link(VisitPlanned planned, IssueDocument issue, String how) {
        var l = new ReContactVisitDocument();
        l.visitId = planned.visitId();
        l.tenantId = issue.tenantId;
        l.issueId = issue.id;
        l.customerId = planned.customerId();
        l.matchedBy = how;
        l.plannedAt = clock.instant();
        return l;
    }
}
