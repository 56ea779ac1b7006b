package com.huifang.schedule.visit;

import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Live gauges of open visits per tenant and plan (labels bounded by the tenants' plans):
 * {@code huifang_visits_due} (due or in progress), {@code huifang_visits_overdue} (open past the
 * deadline) and {@code huifang_visits_at_risk} (flagged at planning as not fitting before the
 * deadline). Refreshed from the store on an interval, so every instance reports the same figures.
 */
@Component
public class VisitMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VisitMetrics.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration interval;
    private final MultiGauge due;
    private final MultiGauge overdue;
    private final MultiGauge atRisk;
    private volatile Disposable loop;

    public VisitMetrics(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry,
                        @Value("${huifang.schedule.metrics-interval:30s}") Duration interval) {
        this.mongo = mongo;
        this.clock = clock;
        this.interval = interval;
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

    @Override
    public void start() {
        loop = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(t -> refresh().onErrorResume(e -> {
                    log.warn("Visit gauges not refreshed: {}", e.toString());
                    return Mono.empty();
                }), 1)
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
