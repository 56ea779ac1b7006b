package com.huifang.reporting.metrics;

import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.reporting.facts.FactProjection;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.VisitResult;
import com.huifang.reporting.facts.store.IssueFactDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Business figures for Prometheus, with bounded labels only (tenant, plan, a small state or outcome
 * set: never a customer, visit or issue id):
 * <ul>
 *   <li>{@code huifang_reporting_visits{tenant,plan,state=due|overdue|at_risk}}: open visits whose due
 *       time has passed, whose deadline has passed, whose deadline falls within the at-risk horizon;</li>
 *   <li>{@code huifang_reporting_issues{tenant,state=open|escalated|breached}}: open issues, open issues
 *       escalated (their SLA was missed), issues resolved outside their SLA in the last 30 days;</li>
 *   <li>{@code huifang_reporting_attempts_total{tenant,outcome}} and
 *       {@code huifang_reporting_surveys_total{tenant,score_class=satisfied|unsatisfied|unrated}}:
 *       counted as events are projected (once per event id, through the inbox);</li>
 *   <li>{@code huifang_reporting_visits_completed_total{tenant,result=COMPLETED|FAILED|REFUSED|CANCELLED|OTHER}}.</li>
 * </ul>
 * Gauges are recomputed from the facts at start and every {@code reporting.metrics.refresh} (15 s), by
 * {@link MetricsTasks}.
 */
@Component
public class BusinessMetrics implements FactProjection.ProjectionListener {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,31}");
    /** At most this many distinct outcome codes become labels; the rest are OTHER. */
    private static final int MAX_OUTCOMES = 20;
    static final List<String> VISIT_STATES = List.of("due", "overdue", "at_risk");
    static final List<String> ISSUE_STATES = List.of("open", "escalated", "breached");

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration atRiskHorizon;
    private final MultiGauge visits;
    private final MultiGauge issues;
    private final Set<String> outcomes = ConcurrentHashMap.newKeySet();

    public BusinessMetrics(ReactiveMongoTemplate mongo, MeterRegistry registry, Clock clock,
                           @Value("${reporting.metrics.at-risk-horizon:24h}") Duration atRiskHorizon) {
        this.mongo = mongo;
        this.registry = registry;
        this.clock = clock;
        this.atRiskHorizon = atRiskHorizon;
        this.visits = MultiGauge.builder("huifang.reporting.visits")
                .description("Open visits by tenant, plan and state: due, overdue (deadline passed), at_risk "
                        + "(deadline within the horizon)")
                .register(registry);
        this.issues = MultiGauge.builder("huifang.reporting.issues")
                .description("Issues by tenant and state: open, escalated (open, SLA missed), breached (resolved "
                        + "outside the SLA in the last 30 days)")
                .register(registry);
    }

    @Override
    public void applied(AppliedEvent event, boolean changed) {
        if (event.payload() instanceof VisitAttempted a) {
            counter("huifang.reporting.attempts", "Visit attempts by outcome", event.tenantId(), "outcome",
                    outcome(a.outcome())).increment();
        } else if (event.payload() instanceof VisitCompleted c) {
            VisitResult result = VisitResult.fromCode(c.result());
            counter("huifang.reporting.visits.completed", "Visits ended, by result (COMPLETED is a success)",
                    event.tenantId(), "result", result == null ? "OTHER" : result.name()).increment();
        } else if (event.payload() instanceof SurveySubmitted s) {
            String scoreClass = s.satisfied() == null ? "unrated" : s.satisfied() ? "satisfied" : "unsatisfied";
            counter("huifang.reporting.surveys", "Surveys submitted by score class (satisfied: 4–5 of 5)",
                    event.tenantId(), "score_class", scoreClass).increment();
        }
    }

    private Counter counter(String name, String description, String tenant, String key, String value) {
        return Counter.builder(name).description(description).tag("tenant", tenant).tag(key, value).register(registry);
    }

    private String outcome(String raw) {
        String code = raw == null ? "UNKNOWN" : raw.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            return "OTHER";
        }
        if (outcomes.contains(code)) {
            return code;
        }
        synchronized (outcomes) {
            if (outcomes.size() < MAX_OUTCOMES) {
                outcomes.add(code);
                return code;
            }
        }
        return "OTHER";
    }

    /** Recomputes the gauges from the stored facts. */
    public Mono<Void> refresh() {
        Instant now = clock.instant();
        return Mono.when(refreshVisits(now), refreshIssues(now));
    }

    private Mono<Void> refreshVisits(Instant now) {
        Query open = Query.query(Criteria.where("result").is(null).and("dueAt").ne(null));
        open.fields().include("tenantId").include("planId").include("dueAt").include("deadlineAt");
        Map<List<String>, long[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a)
                .compareTo(String.join("\u0000", b)));
        return mongo.find(open, VisitFactDocument.class)
                .doOnNext(d -> {
                    long[] c = counts.computeIfAbsent(List.of(d.tenantId, d.planId == null ? "-" : d.planId),
                            k -> new long[3]);
                    if (!d.dueAt.isAfter(now)) {
                        c[0]++;
                    }
                    if (d.deadlineAt != null && d.deadlineAt.isBefore(now)) {
                        c[1]++;
                    } else if (d.deadlineAt != null && d.deadlineAt.isBefore(now.plus(atRiskHorizon))) {
                        c[2]++;
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    List<MultiGauge.Row<?>> rows = new ArrayList<>();
                    counts.forEach((k, c) -> {
                        for (int i = 0; i < VISIT_STATES.size(); i++) {
                            rows.add(MultiGauge.Row.of(Tags.of("tenant", k.get(0), "plan", k.get(1),
                                    "state", VISIT_STATES.get(i)), c[i]));
                        }
                    });
                    visits.register(rows, true);
                }));
    }

    private Mono<Void> refreshIssues(Instant now) {
        Instant since = now.minus(Duration.ofDays(30));
        Query q = Query.query(new Criteria().orOperator(
                Criteria.where("status").in("OPEN", "ESCALATED"),
                Criteria.where("resolvedLate").is(true).and("resolvedAt").gte(since)));
        q.fields().include("tenantId").include("status").include("resolvedLate").include("resolvedAt");
        Map<String, long[]> counts = new TreeMap<>();
        return mongo.find(q, IssueFactDocument.class)
                .doOnNext(d -> {
                    long[] c = counts.computeIfAbsent(d.tenantId, k -> new long[3]);
                    if ("OPEN".equals(d.status) || "ESCALATED".equals(d.status)) {
                        c[0]++;
                    }
                    if ("ESCALATED".equals(d.status)) {
                        c[1]++;
                    }
                    if (d.resolvedLate && d.resolvedAt != null && !d.resolvedAt.isBefore(since)) {
                        c[2]++;
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    List<MultiGauge.Row<?>> rows = new ArrayList<>();
                    counts.forEach((tenant, c) -> {
                        for (int i = 0; i < ISSUE_STATES.size(); i++) {
                            rows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "state", ISSUE_STATES.get(i)), c[i]));
                        }
                    });
                    issues.register(rows, true);
                }));
    }
}
