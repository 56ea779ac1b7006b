package com.huifang.schedule.visit;

import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Live gauges of open visits per tenant and plan (labels bounded by the tenants' plans):
 * {@code huifang_visits_due} (due or in progress), {@code huifang_visits_overdue} (open past the
 * deadline) and {@code huifang_visits_at_risk} (flagged at planning as not fitting before the
 * deadline). Refreshed from the store at start and every {@code huifang.schedule.metrics-interval}
 * (by {@link VisitTasks}), so every instance reports the same figures.
 */
@Component
public class VisitMetrics {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final MultiGauge due;
    private final MultiGauge overdue;
    private final MultiGauge atRisk;

    public VisitMetrics(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        this.due = MultiGauge.builder("huifang.visits.due").description("Open visits due now, per tenant and plan").register(registry);
        this.overdue = MultiGauge.builder("huifang.visits.overdue").description("Open visits past their deadline").register(registry);
        this.atRisk = MultiGauge.builder("huifang.visits.at.risk").description("Open visits flagged as not fitting before their deadline").register(registry);
    }

    public Mono<Void> refresh() {
        Instant now = clock.instant();
        Query q = Query.query(Criteria.where("state").in(VisitStore.OPEN));
        q.fields().include("tenantId").include("planId").include("state").include("deadlineAt").include("deadlineAtRisk");
        return mongo.find(q, VisitDocument.class).collectList().doOnNext(docs -> {
            Map<Tags, long[]> counts = new HashMap<>();
            for (VisitDocument d : docs) {
                long[] c = counts.computeIfAbsent(Tags.of("tenant", String.valueOf(d.tenantId), "plan", String.valueOf(d.planId)),
                        t -> new long[3]);
                if (!"PLANNED".equals(d.state)) {
                    c[0]++;
                }
                if (d.deadlineAt != null && now.isAfter(d.deadlineAt)) {
                    c[1]++;
                }
                if (d.deadlineAtRisk) {
                    c[2]++;
                }
            }
            for (int i = 0; i < 3; i++) {
                List<MultiGauge.Row<?>> rows = new ArrayList<>();
                int k = i;
                counts.forEach((tags, c) -> rows.add(MultiGauge.Row.of(tags, c[k])));
                (i == 0 ? due : i == 1 ? overdue : atRisk).register(rows, true);
            }
        }).then();
    }
}
