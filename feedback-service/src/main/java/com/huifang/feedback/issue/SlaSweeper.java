package com.huifang.feedback.issue;

import com.huifang.feedback.issue.domain.IssueState;
import com.huifang.feedback.issue.store.IssueDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies the SLA warnings and escalations that fell due. Each issue keeps {@code nextAlertAt} (recomputed
 * at every save), so a pass reads only the issues with something due. Applying the alerts is the domain's
 * idempotent {@code applyAll}, saved by the version-conditional write of {@link IssueWorkflow}: when two
 * instances sweep the same issue, one write wins, the other re-reads the issue, finds the level reached and
 * adds nothing — each escalation is published once.
 */
@Component
public class SlaSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);
    static final List<String> ACTIVE = List.of(IssueState.OPEN.name(), IssueState.ACKNOWLEDGED.name(),
            IssueState.IN_PROGRESS.name());

    private final ReactiveMongoTemplate mongo;
    private final IssueWorkflow workflow;
    private final IssueMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable loop;

    public SlaSweeper(ReactiveMongoTemplate mongo, IssueWorkflow workflow, IssueMetrics metrics, Clock clock,
                      @Value("${huifang.feedback.sla-sweep-interval:5s}") Duration interval) {
        this.mongo = mongo;
        this.workflow = workflow;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
    }

    /** One pass: applies what is due on every issue whose next alert time has come; returns how many it looked at. */
    public Mono<Long> sweepOnce() {
        Instant now = clock.instant();
        Query candidates = Query.query(Criteria.where("state").in(ACTIVE).and("nextAlertAt").lte(now))
                .with(Sort.by("nextAlertAt")).limit(500);
        candidates.fields().include("_id").include("tenantId");
        return mongo.find(candidates, IssueDocument.class)
                .concatMap(c -> workflow.act(c.tenantId, c.id,
                                step -> step.issue().applyAll(step.rules().escalation().due(step.issue(), step.now()),
                                        step.now()))
                        .onErrorResume(OptimisticLockingFailureException.class, e -> Mono.empty())
                        .onErrorResume(e -> {
                            log.warn("SLA sweep of issue {} failed, will retry: {}", c.id, e.toString());
                            return Mono.empty();
                        })
                        .thenReturn(1L))
                .count();
    }

    @Override
    public void start() {
        loop = Flux.interval(interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(t -> sweepOnce().then(metrics.refresh()).onErrorResume(e -> {
                    log.warn("SLA sweep failed, will retry: {}", e.toString());
                    return Mono.empty();
                }).thenReturn(t), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = loop;
        if (d != null) {
            d.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
