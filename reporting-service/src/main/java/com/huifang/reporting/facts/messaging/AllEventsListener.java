package com.huifang.reporting.facts.messaging;

import com.huifang.contracts.EventCatalog;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.PlanTargetsChanged;
import com.huifang.contracts.events.SampleDrawn;
import com.huifang.platform.messaging.Inbox;
import com.huifang.reporting.compliance.CustomerErasure;
import com.huifang.reporting.facts.FactProjection;
import com.huifang.reporting.kpi.PlanReports;
import com.huifang.reporting.kpi.domain.PlanTarget;
import com.huifang.reporting.kpi.domain.SampleDraw;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds every customer, visit, survey and issue event, and the tenants' calendars (their time zone), into
 * the facts; the plans' targets (PlanTargetsChanged, on the tenant-settings topic) and the sampling plans'
 * draws (SampleDrawn, on the visits topic) into the per-plan reports.
 */
@Component
class AllEventsListener {

    private static final String PLAN_TARGETS = EventCatalog.of(PlanTargetsChanged.class).type();
    private static final String SAMPLE_DRAWN = EventCatalog.of(SampleDrawn.class).type();

    private final Inbox inbox;
    private final FactProjection projection;
    private final PlanReports plans;
    private final CustomerErasure erasure;

    AllEventsListener(Inbox inbox, FactProjection projection, PlanReports plans, CustomerErasure erasure) {
        this.inbox = inbox;
        this.projection = projection;
        this.plans = plans;
        this.erasure = erasure;
    }

    @KafkaListener(topics = {Topics.CUSTOMERS, Topics.VISITS, Topics.SURVEYS, Topics.ISSUES, Topics.TENANT_SETTINGS})
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "facts", this::apply);
    }

    private Mono<Void> apply(EventEnvelope envelope) {
        if (PLAN_TARGETS.equals(envelope.type())) {
            PlanTargetsChanged targets = EventJson.payload(envelope, PlanTargetsChanged.class);
            return plans.keep(PlanTarget.of(envelope.tenantId(), targets)).then();
        }
        if (SAMPLE_DRAWN.equals(envelope.type())) {
            SampleDrawn drawn = EventJson.payload(envelope, SampleDrawn.class);
            return plans.keep(SampleDraw.of(envelope.tenantId(), drawn)).then();
        }
        // a CustomerErased is confirmed once reporting's copies are anonymised, in the same guarded handler
        return projection.apply(envelope).then(erasure.afterProjection(envelope));
    }
}
