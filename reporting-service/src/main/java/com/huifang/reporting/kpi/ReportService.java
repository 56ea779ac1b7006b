package com.huifang.reporting.kpi;

import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFacts;
import com.huifang.reporting.facts.domain.IssueFact;
import com.huifang.reporting.facts.domain.Placement;
import com.huifang.reporting.facts.domain.StaffDailyFact;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.kpi.domain.ComplaintRates;
import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.kpi.domain.IssueLine;
import com.huifang.reporting.kpi.domain.KpiCalculator;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.Opinion;
import com.huifang.reporting.kpi.domain.Opinions;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.SamplingTiers;
import com.huifang.reporting.kpi.domain.SupervisorReport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reports from the stored facts. The daily facts of a range are rebuilt on read ({@link DailyFacts#rebuild})
 * from the visit facts due in it and the issue facts raised in it, with the service events and agent
 * placements as they are now: they are a pure function of the facts, so nothing can drift, and a
 * change of a customer's category or an agent's team shows in every report at once.
 */
@Service
public class ReportService {

    private final FactReader facts;

    public ReportService(FactReader facts) {
        this.facts = facts;
    }

    /** The daily facts, staff facts and issues of one tenant's range. */
    public record RangeFacts(StoredDimensions source, List<DailyFact> daily, List<StaffDailyFact> staff,
                             List<IssueFact> issues) {
    }

    public Mono<RangeFacts> load(String tenant, ReportRange range) {
        Mono<List<VisitFact>> due = facts.visitsDue(tenant, range.start(), range.end()).collectList();
        Mono<List<IssueFact>> issues = facts.issuesRaised(tenant, range.start(), range.end()).collectList();
        return Mono.zip(due, issues, facts.placements(tenant)).flatMap(t -> {
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
                    StoredDimensions source = new StoredDimensions(tenant, se, t.getT3());
                    DailyFacts daily = DailyFacts.rebuild(source, visits, raised,
                            i -> i.visitId() == null ? null : byId.get(i.visitId()));
                    return new RangeFacts(source, daily.facts(), daily.staffFacts(), raised);
                });
            });
        });
    }

    public Mono<KpiReport> kpis(ReportQuery query) {
        return load(query.tenantId(), query.range()).map(f -> KpiCalculator.compute(query, f.daily()));
    }

    public Mono<List<ComplaintRates.StaffComplaintRate>> complaintRates(String tenant, ReportRange range) {
        return load(tenant, range).map(f -> ComplaintRates.compute(tenant, range, f.staff()));
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
        return Mono.zip(facts.serviceEvents(tenant, seIds), placements)
                .map(t -> new StoredDimensions(tenant, t.getT1(), t.getT2()));
    }

    /** The supervisor's monthly or quarterly report. */
    public Mono<SupervisorReport> supervisor(ReportQuery query, PerformanceReview review) {
        String tenant = query.tenantId();
        ReportRange range = query.range();
        return Mono.zip(load(tenant, range), opinions(query), facts.householdsServed(tenant, range.start(), range.end()))
                .map(t -> {
                    RangeFacts f = t.getT1();
                    KpiReport total = KpiCalculator.compute(query.withGroupBy(List.of()), f.daily());
                    long done = total.total().counters().get(Counter.SUCCESSFUL);
                    SamplingTiers.Compliance sampling = t.getT3() == 0 ? null
                            : SamplingTiers.SEED_001.evaluate(t.getT3(), done);
                    return SupervisorReport.build(query, f.daily(), review,
                            ComplaintRates.compute(tenant, range, f.staff()), sampling,
                            IssueLine.of(tenant, range, f.issues(), f.source()), t.getT2());
                });
    }
}
