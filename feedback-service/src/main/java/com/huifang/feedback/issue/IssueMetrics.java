package com.huifang.feedback.issue;

import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.issue.store.IssueStore;
import com.huifang.feedback.rules.TenantRules;
import com.huifang.feedback.sla.domain.SlaStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gauges of the open issues per tenant and category (both bounded: categories are the tenant's configured
 * codes): {@code huifang.issues.open}, {@code huifang.issues.breached} (a running SLA clock past its budget),
 * {@code huifang.issues.escalated}. Refreshed after each SLA sweep.
 */
@Component
public class IssueMetrics {

    private final ReactiveMongoTemplate mongo;
    private final TenantRules tenantRules;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge breached;
    private final MultiGauge escalated;

    public IssueMetrics(ReactiveMongoTemplate mongo, TenantRules tenantRules, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.tenantRules = tenantRules;
        this.clock = clock;
        this.open = MultiGauge.builder("huifang.issues.open").description("Issues not yet resolved").register(registry);
        this.breached = MultiGauge.builder("huifang.issues.breached")
                .description("Unresolved issues with an SLA clock past its budget").register(registry);
        this.escalated = MultiGauge.builder("huifang.issues.escalated")
                .description("Unresolved issues escalated at least once").register(registry);
    }

    private record Key(String tenant, String category) {
    }

    public Mono<Void> refresh() {
        var now = clock.instant();
        var counts = new HashMap<Key, long[]>();
        var query = Query.query(Criteria.where("state").in(SlaSweeper.ACTIVE));
        return mongo.find(query, IssueDocument.class)
                .concatMap(d -> tenantRules.forTenant(d.tenantId).map(rules -> {
                    var c = counts.computeIfAbsent(new Key(d.tenantId, d.category), k -> new long[3]);
                    c[0]++;
                    try {
                        var issue = IssueStore.restore(d);
                        if (rules.escalation().readings(issue, now).stream().anyMatch(r -> r.status() == SlaStatus.BREACHED)) {
                            c[1]++;
                        }
                    } catch (RuntimeException e) {
                        // an unknown calendar year is counted where it is met (IssueWorkflow); not breached here
                    }
                    if (!"NONE".equals(d.escalationLevel)) {
                        c[2]++;
                    }
                    return d;
                }))
                .then(Mono.fromRunnable(() -> {
                    open.register(rows(counts, 0), true);
                    breached.register(rows(counts, 1), true);
                    escalated.register(rows(counts, 2), true);
                }));
    }

    private static Iterable<MultiGauge.Row<?>> rows(Map<Key, long[]> counts, int i) {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        counts.forEach((k, v) -> rows.add(MultiGauge.Row.of(Tags.of("tenant", k.tenant(), "category", k.category()), v[i])));
        return rows;
    }
}
