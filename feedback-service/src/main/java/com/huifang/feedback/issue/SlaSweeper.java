package com.huifang.feedback.issue;

import com.huifang.feedback.issue.domain.IssueState;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.notification.Notifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies the SLA warnings and escalations that fell due, and delivers notifications a crash left pending.
 * Each issue keeps {@code nextAlertAt} (recomputed at every save), so a pass reads only the issues with
 * something due.
 *
 * <p>Two instances never both work an issue: a sweeper first claims it with one atomic conditional update
 * (no claim, or an expired one, becomes its own for {@link #CLAIM}); the instance that loses the claim skips
 * it. The claimer applies the alerts with the domain's idempotent {@code applyAll}, saved by the
 * version-conditional write of {@link IssueWorkflow}, which also releases the claim. Should a claim expire
 * while its holder is still writing, the version check still lets only one write through, and event ids
 * derived from the issue, clock and level make a repeat a duplicate consumers drop — each warning and each
 * escalation is published once.
 *
 * <p>{@link IssueTasks} runs {@link #passOnce()} every {@code huifang.feedback.sla-sweep-interval}.
 */
@Component
public class SlaSweeper {

    private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);
    public static final List<String> ACTIVE = List.of(IssueState.OPEN.name(), IssueState.ACKNOWLEDGED.name(),
            IssueState.IN_PROGRESS.name());

    private final ReactiveMongoTemplate mongo;
    private final IssueWorkflow workflow;
    private final IssueMetrics metrics;
    private final Clock clock;
    /** How long a claim holds an issue if its sweeper dies before saving. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private final Notifications notifications;
    private final String instance = UUID.randomUUID().toString();

    public SlaSweeper(ReactiveMongoTemplate mongo, IssueWorkflow workflow, IssueMetrics metrics, Clock clock,
                      Notifications notifications) {
        this.mongo = mongo;
        this.workflow = workflow;
        this.metrics = metrics;
        this.clock = clock;
        this.notifications = notifications;
    }

    /**
     * One pass of the periodic task: the sweep, then the notifications a crash left pending, then the
     * issue gauges. A failing step ends the pass; the next one starts over.
     */
    public Mono<Void> passOnce() {
        return sweepOnce().then(notifications.deliverPending()).then(metrics.refresh());
    }

    /**
     * One pass: applies what is due on every issue whose next alert time has come and that this instance
     * claimed; returns how many issues it worked.
     */
    public Mono<Long> sweepOnce() {
        Instant now = clock.instant();
        Query candidates = Query.query(Criteria.where("state").in(ACTIVE).and("nextAlertAt").lte(now))
                .with(Sort.by("nextAlertAt")).limit(500);
        candidates.fields().include("_id").include("tenantId");
        return mongo.find(candidates, IssueDocument.class)
                .concatMap(c -> claim(c, now))
                .concatMap(c -> workflow.act(c.tenantId, c.id,
                                step -> step.issue().applyAll(step.rules().escalation().due(step.issue(), step.now()),
                                        step.now()),
                                release -> release.unset("sweepClaimedUntil").unset("sweepClaimedBy"))
                        .onErrorResume(OptimisticLockingFailureException.class, e -> Mono.empty())
                        .onErrorResume(e -> {
                            log.warn("SLA sweep of issue {} failed, will retry: {}", c.id, e.toString());
                            return Mono.empty();
                        })
                        .thenReturn(1L))
                .count();
    }

    /** The issue, if this instance now holds it: nobody held it, or the holder's claim expired. */
    private Mono<IssueDocument> claim(IssueDocument candidate, Instant now) {
        var free = new Criteria().orOperator(Criteria.where("sweepClaimedUntil").is(null),
                Criteria.where("sweepClaimedUntil").lte(now));
        var query = Query.query(Criteria.where("_id").is(candidate.id).and("state").in(ACTIVE)
                .and("nextAlertAt").lte(now)).addCriteria(free);
        return mongo.updateFirst(query, new Update().set("sweepClaimedUntil", now.plus(CLAIM)).set("sweepClaimedBy", instance),
                        IssueDocument.class)
                .filter(r -> r.getModifiedCount() > 0)
                .map(r -> candidate);
    }
}
