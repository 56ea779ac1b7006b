package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.DailyFact;
import java.util.List;

/**
 * The monthly or quarterly report a supervisor receives (seed 000: "每月、每季度形成总结报告"): the
 * totals, the figures per agent with their tiers below target, the issues and the opinions.
 */
public record SupervisorReport(ReportQuery query, KpiReport total, KpiReport byAgent,
                               List<PerformanceReview.AgentPerformance> performance,
                               List<ComplaintRates.StaffComplaintRate> complaintRates,
                               SamplingTiers.Compliance sampling, List<IssueLine> issues, List<Opinion> opinions) {

    /**
     * Builds the report for the query's range (a month or a quarter) from the daily facts.
     *
     * @param sampling the period's sampling compliance, or null when the served count is unknown
     */
    public static SupervisorReport build(ReportQuery query, Iterable<DailyFact> facts, PerformanceReview review,
                                         List<ComplaintRates.StaffComplaintRate> complaintRates,
                                         SamplingTiers.Compliance sampling, List<IssueLine> issues,
                                         List<Opinion> opinions) {
        ReportQuery totalQuery = query.withGroupBy(List.of());
        KpiReport total = KpiCalculator.compute(totalQuery, facts);
        KpiReport byAgent = KpiCalculator.compute(query.withGroupBy(List.of(Dimension.AGENT)), facts);
        return new SupervisorReport(query, total, byAgent, review.assessAgents(byAgent), complaintRates, sampling,
                issues, opinions);
    }
}
