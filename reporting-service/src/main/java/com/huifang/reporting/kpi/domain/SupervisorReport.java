package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.DailyFact;
import java.util.Collection;
import java.util.List;

/**
 * The monthly or quarterly report a supervisor receives (seed 000: "每月、每季度形成总结报告"): the
 * totals, the figures per agent with their tiers below target, each plan's sampling compliance and
 * targets, the issues and the opinions.
 *
 * @param sampling    each plan's sampling compliance in the period ({@link PlanSampling})
 * @param planTargets each plan's figures against its latest targets ({@link PlanTargetResult})
 */
public record SupervisorReport(ReportQuery query, KpiReport total, KpiReport byAgent,
                               List<PerformanceReview.AgentPerformance> performance,
                               List<ComplaintRates.StaffComplaintRate> complaintRates,
                               List<PlanSampling> sampling, List<PlanTargetResult> planTargets,
                               List<IssueLine> issues, List<Opinion> opinions) {

    public SupervisorReport {
        sampling = sampling == null ? List.of() : List.copyOf(sampling);
        planTargets = planTargets == null ? List.of() : List.copyOf(planTargets);
    }

    /** Every plan's sampling of the period complied (true when no plan samples). */
    public boolean samplingCompliant() {
        return sampling.stream().allMatch(PlanSampling::compliant);
    }

    /**
     * Builds the report for the query's range (a month or a quarter) from the daily facts.
     *
     * @param sampling the plans' sampling compliance of the period
     * @param targets  the plans' latest targets
     */
    public static SupervisorReport build(ReportQuery query, Iterable<DailyFact> facts, PerformanceReview review,
                                         List<ComplaintRates.StaffComplaintRate> complaintRates,
                                         List<PlanSampling> sampling, Collection<PlanTarget> targets,
                                         List<IssueLine> issues, List<Opinion> opinions) {
        ReportQuery totalQuery = query.withGroupBy(List.of());
        KpiReport total = KpiCalculator.compute(totalQuery, facts);
        KpiReport byAgent = KpiCalculator.compute(query.withGroupBy(List.of(Dimension.AGENT)), facts);
        KpiReport byPlan = KpiCalculator.compute(query.withGroupBy(List.of(Dimension.PLAN)), facts);
        return new SupervisorReport(query, total, byAgent, review.assessAgents(byAgent), complaintRates, sampling,
                PlanTargetResult.judge(byPlan, targets), issues, opinions);
    }
}
