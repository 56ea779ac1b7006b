package com.huifang.reporting.kpi;

import com.huifang.reporting.facts.FactProjection;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFacts;
import com.huifang.reporting.facts.domain.IssueFact;
import com.huifang.reporting.facts.domain.Placement;
import com.huifang.reporting.facts.domain.StaffDailyFact;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.kpi.domain.ComplaintRates;
import com.huifang.reporting.kpi.domain.IssueLine;
import com.huifang.reporting.kpi.domain.KpiCalculator;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.Opinion;
import com.huifang.reporting.kpi.domain.Opinions;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.PlanTarget;
import com.huifang.reporting.kpi.domain.SupervisorReport;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reports from the stored facts. The daily facts of a month are rebuilt ({@link DailyFacts#rebuild})
 * from the visit facts due in it and the issue facts raised in it, with the service events and agent
 * placements as they are now: a pure function of the facts, so nothing can drift, and a change of a
 * customer's category or an agent's team shows in every report after the next reload. Months are kept
 * in memory ({@link DailyFactCache}) and reloaded in the background when facts change, which is what
 * makes a month report take milliseconds.
 */
@Service
public class ReportService implements FactProjection.ProjectionListener {

    private final FactReader facts;
    private final DailyFactCache cache;

    @Autowired
    public ReportService(FactReader facts,
                         @Value("${reporting.cache.min-reload-interval:1s}") Duration minReloadInterval,
                         @Value("${reporting.cache.max-age:30s}") Duration maxAge,
                         @Value("${reporting.cache.max-months:48}") int maxMonths,
                         @Value("${reporting.cache.serve-stale:true}") boolean serveStale) {
        this.facts = facts;
        this.cache = new DailyFactCache(this::load, minReloadInterval, maxAge, maxMonths, serveStale);
    }

    public ReportService(FactReader facts) {
        this(facts, Duration.ofSeconds(1), Duration.ofSeconds(30), 48, true);
    }

    @Override
    public void applied(AppliedEvent event, boolean changed) {
        if (changed) {
            cache.changed(event.tenantId());
        }
    }

    /** A fact of the tenant changed (projection, placement, rebuild): months in memory reload. */
    public void changed(String tenant) {
        cache.changed(tenant);
    }

    /** The months of a range from the cache, oldest first. */
    private Mono<List<DailyFactCache.Segment>> months(String tenant, ReportRange range) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(range.start()); !m.isAfter(YearMonth.from(range.end())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return Flux.fromIterable(months).concatMap(m -> cache.month(tenant, m)).collectList();
    }

    /** The daily facts, staff facts and issues of a range, from the months in memory. */
    public Mono<RangeFacts> cached(String tenant, ReportRange range) {
        return months(tenant, range).map(segments -> {
            if (segments.size() == 1) {
                return segments.get(0).facts();
            }
            List<DailyFact> daily = new ArrayList<>();
            List<StaffDailyFact> staff = new ArrayList<>();
            List<IssueFact> issues = new ArrayList<>();
            Map<String, ServiceEventFact> serviceEvents = new HashMap<>();
            Map<String, Placement> placements = new HashMap<>();
            ZoneId zone = segments.get(segments.size() - 1).facts().source().zone();
            for (DailyFactCache.Segment s : segments) {
                daily.addAll(s.facts().daily());
                staff.addAll(s.facts().staff());
                issues.addAll(s.facts().issues());
                serviceEvents.putAll(s.facts().source().serviceEvents());
                placements.putAll(s.facts().source().placements());
            }
            return new RangeFacts(new StoredDimensions(tenant, zone, serviceEvents, placements), daily, staff, issues);
        });
    }

    /** The daily facts, staff facts and issues of one tenant's range. */
    public record RangeFacts(StoredDimensions source, List<DailyFact> daily, List<StaffDailyFact> staff,
                             List<IssueFact> issues) {
    }

    public Mono<RangeFacts> load(String tenant, ReportRange range) {
        Mono<List<VisitFact>> due = facts.visitsDue(tenant, range.start(), range.end()).collectList();
        Mono<List<IssueFact>> issues = facts.issuesRaised(tenant, range.start(), range.end()).collectList();
        return Mono.zip(due, issues, facts.placements(tenant), facts.zone(tenant)).flatMap(t -> {
            List<VisitFact> visits = t.getT1();
            List<IssueFact> raised = t.getT2();
            Map<String, VisitFact> byId = new HashMap<>();
            visits.forEach(v -> byId.put(v.visitId(), v));
            Set<String> missing = new HashSet<>();
            raised.stream().map(IssueFact::visitId).filter(Objects::nonNull).filter(id -> !byId.containsKey(id))
                    .forEach(missing::add);
            return facts.visits(tenant, missing).collectList().flatMap(others -> {
                others.forEach(v -> byId.put(v.visitId(), v));
                Set<String> seIds = new HashSet<>();
                byId.values().forEach(v -> {
                    if (v.serviceEventId() != null) {
                        seIds.add(v.serviceEventId());
                    }
                });
                return facts.serviceEvents(tenant, seIds).publishOn(Schedulers.parallel()).map(se -> {
                    StoredDimensions source = new StoredDimensions(tenant, t.getT4(), se, t.getT3());
                    DailyFacts daily = DailyFacts.rebuild(source, visits, raised,
                            i -> i.visitId() == null ? null : byId.get(i.visitId()));
                    return new RangeFacts(source, daily.facts(), daily.staffFacts(), raised);
                });
            });
        });
    }

    /** A month's report scans the month's column table; a longer range sums the months' daily facts. */
    public Mono<KpiReport> kpis(ReportQuery query) {
        return months(query.tenantId(), query.range()).map(segments -> {
            if (segments.size() == 1) {
                return KpiCalculator.compute(query, segments.get(0).table());
            }
            List<DailyFact> daily = new ArrayList<>();
            segments.forEach(s -> daily.addAll(s.facts().daily()));
            return KpiCalculator.compute(query, daily);
        });
    }

    public Mono<List<ComplaintRates.StaffComplaintRate>> complaintRates(String tenant, ReportRange range) {
        return cached(tenant, range).map(f -> ComplaintRates.compute(tenant, range, f.staff()));
    }

    public Mono<List<Opinion>> opinions(ReportQuery query) {
        return facts.visitsWithOpinions(query.tenantId(), query.range().start(), query.range().end()).collectList()
                .flatMap(visits -> sourceFor(query.tenantId(), visits)
                        .map(source -> Opinions.of(query, visits, source)));
    }

    private Mono<StoredDimensions> sourceFor(String tenant, List<VisitFact> visits) {
        Set<String> seIds = new HashSet<>();
        visits.forEach(v -> {
            if (v.serviceEventId() != null) {
                seIds.add(v.serviceEventId());
            }
        });
        Mono<Map<String, Placement>> placements = facts.placements(tenant);
        return Mono.zip(facts.serviceEvents(tenant, seIds), placements, facts.zone(tenant))
                .map(t -> new StoredDimensions(tenant, t.getT3(), t.getT1(), t.getT2()));
    }

    /**
     * The supervisor's monthly or quarterly report.
     *
     * @param sampling the plans' sampling compliance of the period ({@link PlanReports#sampling})
     * @param targets  the plans' latest targets
     */
    public Mono<SupervisorReport> supervisor(ReportQuery query, PerformanceReview review, List<PlanSampling> sampling,
                                             Collection<PlanTarget> targets) {
        String tenant = query.tenantId();
        ReportRange range = query.range();
        return Mono.zip(cached(tenant, range), opinions(query))
                .map(t -> {
                    RangeFacts f = t.getT1();
                    return SupervisorReport.build(query, f.daily(), review,
                            ComplaintRates.compute(tenant, range, f.staff()), sampling, targets,
                            IssueLine.of(tenant, range, f.issues(), f.source()), t.getT2());
                });
    }

    /** The issues raised in the range (tenant-local date), oldest first. */
    public Mono<List<IssueLine>> issues(String tenant, ReportRange range) {
        return cached(tenant, range).map(f -> IssueLine.of(tenant, range, f.issues(), f.source()));
    }
}
