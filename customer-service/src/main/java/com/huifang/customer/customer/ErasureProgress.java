package com.huifang.customer.customer;

import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.customer.customer.domain.ErasureRequest;
import com.huifang.customer.customer.store.CustomerStore;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.messaging.OutboxEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * How far an erasure request got beyond this service (issue 10 §2): each service holding a copy
 * confirms its own anonymisation with {@code CustomerErasureConfirmed}; the request is complete once
 * its {@code CustomerErased} was published and every expected service
 * ({@code huifang.customer.erasure.confirming-services}) confirmed. Completion is stamped once, with
 * its audit entry {@code customer.erasure.completed} in the same write — by the confirmation that
 * completes it or, if the last confirmation overtook the relay, by the next {@link #sweep}.
 */
@Service
public class ErasureProgress {

    private static final Logger log = LoggerFactory.getLogger(ErasureProgress.class);

    /** What became of one received confirmation (the {@code outcome} label of the counter). */
    public enum Outcome { RECORDED, DUPLICATE, UNMATCHED }

    private final CustomerStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<String> expected;
    private final Map<Outcome, Counter> confirmations = new EnumMap<>(Outcome.class);
    private final Counter completed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong complete = new AtomicLong();

    /**
     * @param expected the services that keep a copy of customers and must confirm an erasure
     */
    public ErasureProgress(CustomerStore store, AuditTrail audit, Clock clock, MeterRegistry registry,
                           @Value("${huifang.customer.erasure.confirming-services:schedule-service,survey-service,feedback-service,reporting-service}")
                           List<String> expected) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.expected = expected.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().sorted().toList();
        this.expected.stream().filter(s -> !ErasureRequest.isServiceName(s)).findFirst().ifPresent(s -> {
            throw new IllegalStateException("huifang.customer.erasure.confirming-services: not a service name: " + s);
        });
        for (Outcome o : Outcome.values()) {
            confirmations.put(o, Counter.builder("huifang.customer.erasure.confirmations")
                    .description("CustomerErasureConfirmed events received, by what became of them")
                    .tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        completed = Counter.builder("huifang.customer.erasures.completed")
                .description("Erasure requests stamped complete (published and confirmed by every expected service)")
                .register(registry);
        Gauge.builder("huifang.customer.erasures", pending, AtomicLong::get)
                .description("Erasure requests of all tenants, pending or complete (refreshed by the erasure-progress task)")
                .tag("status", "pending").register(registry);
        Gauge.builder("huifang.customer.erasures", complete, AtomicLong::get)
                .description("Erasure requests of all tenants, pending or complete (refreshed by the erasure-progress task)")
                .tag("status", "complete").register(registry);
    }

    /** The services expected to confirm, in name order. */
    public List<String> expectedServices() {
        return expected;
    }

    /**
     * Records a confirmation for the customer of {@code tenantId} (the envelope's tenant: a confirmation
     * naming another tenant's customer matches nothing), then completes the request if it now is.
     * Replay-safe: a second confirmation of the same service changes nothing.
     */
    public Mono<Outcome> confirm(String tenantId, String correlationId, CustomerErasureConfirmed confirmation) {
        if (confirmation.customerId() == null || confirmation.requestId() == null
                || !ErasureRequest.isServiceName(confirmation.service())) {
            return Mono.just(counted(Outcome.UNMATCHED, tenantId, confirmation));
        }
        Instant at = confirmation.confirmedAt() != null ? confirmation.confirmedAt() : clock.instant();
        return store.confirmErasure(tenantId, confirmation.customerId(), confirmation.requestId(),
                        confirmation.service(), at)
                .flatMap(written -> store.erasure(tenantId, confirmation.customerId())
                        .filter(r -> r.requestId().equals(confirmation.requestId()))
                        .flatMap(r -> completeIfDue(tenantId, confirmation.customerId(), r, correlationId)
                                .thenReturn(written ? Outcome.RECORDED : Outcome.DUPLICATE))
                        .defaultIfEmpty(Outcome.UNMATCHED))
                .map(outcome -> counted(outcome, tenantId, confirmation));
    }

    /**
     * One pass: completes the requests that became complete without a confirmation to complete them
     * (the last one landed while {@code CustomerErased} was still in the outbox), and refreshes the
     * pending/complete gauges.
     */
    public Mono<Void> sweep() {
        return store.incompleteErasures()
                .concatMap(e -> completeIfDue(e.tenantId(), e.customerId(), e.request(),
                        "erasure-sweep:" + e.request().requestId()))
                .then(store.countErasures(false).doOnNext(pending::set))
                .then(store.countErasures(true).doOnNext(complete::set))
                .then();
    }

    private Mono<Boolean> completeIfDue(String tenantId, String customerId, ErasureRequest request,
                                        String correlationId) {
        if (!request.needsCompletion(expected)) {
            return Mono.just(false);
        }
        Instant now = clock.instant();
        AuditDraft draft = AuditDraft.by(AuditActor.system(), tenantId).action("customer.erasure.completed")
                .target("customer", customerId)
                .before(Map.of("requestId", request.requestId(), "status", "PENDING"))
                .after(Map.of("requestId", request.requestId(), "status", "COMPLETE",
                        "confirmedBy", String.join(",", request.confirmations().keySet().stream().sorted().toList())))
                .build();
        OutboxEntry entry = audit.entry(draft,
                AuditTrail.idFor("erasure-completed:" + customerId + ":" + request.requestId()), now, correlationId);
        return store.completeErasure(tenantId, customerId, request, expected, now, entry).doOnNext(done -> {
            if (done) {
                completed.increment();
                log.info("Erasure request {} of customer {} (tenant {}) complete: confirmed by {}",
                        request.requestId(), customerId, tenantId, request.confirmations().keySet());
            }
        });
    }

    private Outcome counted(Outcome outcome, String tenantId, CustomerErasureConfirmed c) {
        confirmations.get(outcome).increment();
        if (outcome == Outcome.UNMATCHED) {
            log.warn("Erasure confirmation by {} for customer {} request {} matches no erasure request of tenant {}: ignored",
                    c.service(), c.customerId(), c.requestId(), tenantId);
        } else {
            log.info("Erasure confirmation by {} for customer {} request {}: {}", c.service(), c.customerId(),
                    c.requestId(), outcome);
        }
        return outcome;
    }
}
