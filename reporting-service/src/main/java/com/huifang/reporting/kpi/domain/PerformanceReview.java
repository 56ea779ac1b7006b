package com.huifang.reporting.kpi.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Agent performance against targets, in tiers below target. Seed 000 (客服部电话回访制度, hospital):
 * "低于回访率标准的(以5%为一个档次),低于一个档次,扣除责任人月绩效考核分值1分" — each started
 * 5 points below the target is one tier, and each tier deducts a configurable number of points.
 *
 * @param targets         KPI → target value (a fraction for percentages, e.g. 1.0 for a 100 % 回访率)
 * @param pointsPerTier   width of a tier in percentage points (5)
 * @param deductionPerTier performance points deducted per tier (1)
 */
public record PerformanceReview(Map<Kpi, Double> targets, double pointsPerTier, double deductionPerTier) {

    /** Seed 000: 回访率 100 %, 5-point tiers, 1 point per tier; success rate ≥ 90 % (seed 004). */
    public static final PerformanceReview SEED_000 = new PerformanceReview(
            Map.of(Kpi.ATTEMPTED_RATE, 1.0, Kpi.SUCCESS_RATE, 0.90), 5, 1);

    public PerformanceReview {
        if (pointsPerTier <= 0) {
            throw new ReportRequestException("pointsPerTier", "must be positive");
        }
        if (deductionPerTier < 0) {
            throw new ReportRequestException("deductionPerTier", "must not be negative");
        }
        targets = Map.copyOf(targets);
        for (Kpi k : targets.keySet()) {
            if (k.unit() != KpiUnit.PERCENT) {
                throw new ReportRequestException("targets", k.code() + " is not a rate");
            }
        }
    }

    /**
     * @param actual       null when the rate has no denominator (no tier is given then)
     * @param shortfall    target − actual in percentage points, 0 when on or above target
     * @param tiersBelow   ⌈shortfall / pointsPerTier⌉
     */
    public record TargetResult(Kpi kpi, double target, Double actual, double shortfall, int tiersBelow,
                               double deduction) {
    }

    public record AgentPerformance(String agent, KpiRow row, List<TargetResult> results, int tiersBelow,
                                   double deduction) {
    }

    /** One result per target for one agent's (or any group's) summed counters. */
    public List<TargetResult> assess(KpiRow row) {
        List<TargetResult> out = new ArrayList<>();
        for (Kpi k : Kpi.values()) {
            Double target = targets.get(k);
            if (target == null) {
                continue;
            }
            Double actual = row.value(k);
            double shortfall = actual == null ? 0 : Math.max(0, Math.round((target - actual) * 1e8) / 1e6);
            int tiers = shortfall <= 0 ? 0 : (int) Math.ceil(shortfall / pointsPerTier - 1e-9);
            out.add(new TargetResult(k, target, actual, shortfall, tiers, tiers * deductionPerTier));
        }
        return out;
    }

    /** Every agent of a report grouped by {@link Dimension#AGENT}. */
    public List<AgentPerformance> assessAgents(KpiReport byAgent) {
        if (!byAgent.query().groupBy().contains(Dimension.AGENT)) {
            throw new ReportRequestException("groupBy", "agent performance needs a report grouped by agent");
        }
        List<AgentPerformance> out = new ArrayList<>();
        for (KpiRow row : byAgent.rows()) {
            List<TargetResult> results = assess(row);
            int tiers = results.stream().mapToInt(TargetResult::tiersBelow).sum();
            double deduction = results.stream().mapToDouble(TargetResult::deduction).sum();
            out.add(new AgentPerformance(row.group().get(Dimension.AGENT), row, results, tiers, deduction));
        }
        return out;
    }
}
