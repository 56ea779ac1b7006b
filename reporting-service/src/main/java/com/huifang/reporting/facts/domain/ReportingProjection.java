package com.huifang.reporting.facts.domain;

import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.ServiceEventRecorded;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The projections held in memory: visit, issue and service-event facts keyed by tenant and id. It
 * routes each event to the facts it concerns ({@link #apply}); applying any permutation of the same
 * events, with duplicates, gives equal facts. The store adapter does the same per document; this
 * class is the reference for it, for tests and for benchmarks.
 */
public final class ReportingProjection implements DimensionSource {

    private record Id(String tenantId, String id) {
    }

    private final Map<Id, VisitFact> visits = new HashMap<>();
    private final Map<Id, IssueFact> issues = new HashMap<>();
    private final Map<Id, ServiceEventFact> serviceEvents = new HashMap<>();
    /** Customers whose erasure was honoured: their visits' free text is dropped, now and later. */
    private final Set<Id> erasedCustomers = new HashSet<>();
    private final AgentDirectory directory;
    private final Function<String, ZoneId> zones;

    public ReportingProjection(AgentDirectory directory, Function<String, ZoneId> zones) {
        this.directory = directory;
        this.zones = zones;
    }

    public ReportingProjection() {
        this(AgentDirectory.NONE, t -> DEFAULT_ZONE);
    }

    /**
     * Applies one event to every fact it concerns; events no report uses are ignored. CustomerErased
     * drops the free text of every visit of that customer (the store adapter: all visit facts with that
     * customer id, and remember the customer for visits that arrive later).
     */
    public void apply(AppliedEvent event) {
        HuifangEvent p = event.payload();
        String visitId = VisitFact.visitIdOf(event);
        if (visitId != null) {
            visits.compute(new Id(event.tenantId(), visitId), (k, f) -> {
                VisitFact applied = (f == null ? VisitFact.empty(k.tenantId(), k.id()) : f).apply(event);
                String customer = applied.customerId();
                return customer != null && erasedCustomers.contains(new Id(k.tenantId(), customer))
                        ? applied.erase() : applied;
            });
        }
        if (p instanceof CustomerErased e) {
            erasedCustomers.add(new Id(event.tenantId(), e.customerId()));
            visits.replaceAll((k, f) -> k.tenantId().equals(event.tenantId()) && e.customerId().equals(f.customerId())
                    ? f.erase() : f);
        }
        String issueId = IssueFact.issueIdOf(p);
        if (issueId != null) {
            issues.compute(new Id(event.tenantId(), issueId),
                    (k, f) -> (f == null ? IssueFact.empty(k.tenantId(), k.id()) : f).apply(event));
        }
        if (p instanceof ServiceEventRecorded se) {
            serviceEvents.compute(new Id(event.tenantId(), se.serviceEventId()),
                    (k, f) -> (f == null ? ServiceEventFact.empty(k.tenantId(), k.id()) : f).apply(event));
        }
    }

    public void applyAll(Iterable<AppliedEvent> events) {
        events.forEach(this::apply);
    }

    public Optional<VisitFact> visit(String tenantId, String visitId) {
        return Optional.ofNullable(visits.get(new Id(tenantId, visitId)));
    }

    public Optional<IssueFact> issue(String tenantId, String issueId) {
        return Optional.ofNullable(issues.get(new Id(tenantId, issueId)));
    }

    public Collection<VisitFact> visitFacts() {
        return visits.values();
    }

    public Collection<IssueFact> issueFacts() {
        return issues.values();
    }

    public Collection<ServiceEventFact> serviceEventFacts() {
        return serviceEvents.values();
    }

    /** The daily facts rebuilt from the current visit and issue facts. */
    public DailyFacts dailyFacts() {
        return DailyFacts.rebuild(this, visits.values(), issues.values(), this::visitOf);
    }

    /** The visit an issue came from, when known. */
    public VisitFact visitOf(IssueFact issue) {
        return issue.visitId() == null ? null : visits.get(new Id(issue.tenantId(), issue.visitId()));
    }

    /** Every fact, for comparing two projections. */
    public List<Object> snapshot() {
        List<Object> all = new ArrayList<>();
        all.add(Map.copyOf(visits));
        all.add(Map.copyOf(issues));
        all.add(Map.copyOf(serviceEvents));
        all.add(Set.copyOf(erasedCustomers));
        return all;
    }

    @Override
    public ZoneId zoneOf(String tenantId) {
        return zones.apply(tenantId);
    }

    @Override
    public Optional<ServiceEventFact> serviceEvent(String tenantId, String serviceEventId) {
        return Optional.ofNullable(serviceEvents.get(new Id(tenantId, serviceEventId)));
    }

    @Override
    public Placement placementOf(String tenantId, String agentId) {
        return directory.placementOf(tenantId, agentId);
    }
}
