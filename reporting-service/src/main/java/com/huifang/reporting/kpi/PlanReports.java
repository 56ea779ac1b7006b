package com.huifang.reporting.kpi;

import com.huifang.reporting.kpi.domain.Dimension;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.PlanTarget;
import com.huifang.reporting.kpi.domain.PlanTargetResult;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.SampleDraw;
import com.huifang.reporting.kpi.domain.SupervisorReport;
import com.huifang.reporting.kpi.store.PlanFacts;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The per-plan figures: sampling compliance per period and the plans' figures against their targets, for
 * the API and the supervisor's workbooks alike (one computation each, in the domain).
 */
@Service
public class PlanReports {

    private final ReportService reports;
    private final PlanFacts planFacts;
    private final FactReader facts;

    public PlanReports(ReportService reports, PlanFacts planFacts, FactReader facts) {
        this.reports = reports;
        this.planFacts = planFacts;
        this.facts = facts;
    }

    /**
     * Each sampling plan's compliance in each month or quarter of the range, against schedule-service's
     * draws ({@code SampleDrawn}); the service events are read over the periods' whole months or quarters.
     */
    public Mono<List<PlanSampling>> sampling(String tenant, ReportRange range, PlanSampling.Granularity granularity) {
        List<ReportRange> periods = PlanSampling.periods(range, granularity);
        LocalDate from = PlanSampling.whole(periods.get(0), granularity).start();
        LocalDate to = PlanSampling.whole(periods.get(periods.size() - 1), granularity).end();
        return Mono.zip(planFacts.draws(tenant), facts.zone(tenant), planFacts.targets(tenant).collectList())
                .flatMap(d -> {
                    List<SampleDraw> draws = d.getT1();
                    ZoneId zone = d.getT2();
                    if (draws.isEmpty()) {
                        return Mono.just(List.<PlanSampling>of()); // no plan of the tenant samples
                    }
                    Map<String, LocalDate> retiredOn = new HashMap<>();
                    for (PlanTarget t : d.getT3()) {
                        if (t.retired() && t.changedAt() != null) {
                            retiredOn.put(t.planId(), t.changedAt().atZone(zone).toLocalDate());
                        }
                    }
                    Set<String> samplingPlans = draws.stream().map(SampleDraw::planId).collect(Collectors.toSet());
                    return Mono.zip(planFacts.serviceEventsOccurred(tenant, from, to),
                                    planFacts.eventTypes(tenant, samplingPlans))
                            .flatMap(t -> planFacts.visitsPlannedFrom(tenant,
                                            t.getT1().stream().map(ServiceEventFact::serviceEventId).toList())
                                    .publishOn(Schedulers.parallel())
                                    .map(visits -> PlanSampling.compute(tenant, periods, granularity, draws, retiredOn,
                                            t.getT2(), t.getT1(), visits, zone)));
                });
    }

    /** Each plan's coverage and success rate of the query's range against its latest targets. */
    public Mono<List<PlanTargetResult>> targets(ReportQuery query) {
        return Mono.zip(reports.kpis(query.withGroupBy(List.of(Dimension.PLAN))),
                        planFacts.targets(query.tenantId()).collectList())
                .map(t -> PlanTargetResult.judge(t.getT1(), t.getT2()));
    }

    /** The supervisor's workbook of a month or a quarter, sampling judged over that same period. */
    public Mono<SupervisorReport> supervisor(ReportQuery query, PerformanceReview review,
                                             PlanSampling.Granularity granularity) {
        return Mono.zip(sampling(query.tenantId(), query.range(), granularity),
                        planFacts.targets(query.tenantId()).collectList())
                .flatMap(t -> reports.supervisor(query, review, t.getT1(), t.getT2()));
    }

    /** Keeps a plan's draw of a period (the later draw wins). */
    public Mono<Boolean> keep(SampleDraw draw) {
        return planFacts.keep(draw);
    }

    /** Keeps a plan's targets (highest version wins). */
    public Mono<Boolean> keep(PlanTarget target) {
        return planFacts.keep(target);
    }
}
