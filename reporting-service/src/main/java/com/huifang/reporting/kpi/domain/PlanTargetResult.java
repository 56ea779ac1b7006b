package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.DailyFactKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan's figures of a period against its targets: coverage (回访率, the attempted rate) and success rate
 * (回访成功率). Met when the actual is at least the target; null (not judged) when the plan sets no target
 * or the period has no denominator for it.
 *
 * @param target the plan's latest targets, or null when reporting has none for a plan with visits
 */
public record PlanTargetResult(String plan, PlanTarget target, Judged coverage, Judged successRate) {

    public static final String DEFINITION_ZH = "方案目标达成:每个回访方案最新版本的目标(回访率、回访成功率)与统计期内该方案的实际值"
            + "比较,实际值 ≥ 目标值为达标;方案未设目标或实际值无分母时不评判。";
    public static final String DEFINITION_EN = "Plan targets: each plan's latest targets (attempted rate, success rate) "
            + "against the plan's actual figures of the period; met when actual ≥ target; not judged when the plan "
            + "sets no target or the figure has no denominator.";

    /** @param met null when not judged */
    public record Judged(Double target, Double actual, Boolean met) {

        static Judged of(Double target, Double actual) {
            return new Judged(target, actual, target == null || actual == null ? null : actual >= target - 1e-9);
        }
    }

    /**
     * One line per plan that has targets or visits in the period, by plan id (issues raised without a
     * visit belong to no plan and are left out).
     *
     * @param byPlan the KPI report of the period grouped by plan
     */
    public static List<PlanTargetResult> judge(KpiReport byPlan, Collection<PlanTarget> targets) {
        if (!byPlan.query().groupBy().equals(List.of(Dimension.PLAN))) {
            throw new IllegalArgumentException("the report must be grouped by plan only");
        }
        Map<String, KpiRow> rows = new TreeMap<>();
        byPlan.rows().stream().filter(r -> !DailyFactKey.UNKNOWN.equals(r.group().get(Dimension.PLAN)))
                .forEach(r -> rows.put(r.group().get(Dimension.PLAN), r)); // "-": issues without a visit, not a plan
        Map<String, PlanTarget> byId = new TreeMap<>();
        targets.forEach(t -> byId.merge(t.planId(), t, PlanTarget::merge));
        TreeMap<String, Boolean> plans = new TreeMap<>();
        rows.keySet().forEach(p -> plans.put(p, true));
        var only = byPlan.query().filters().get(Dimension.PLAN);
        byId.keySet().stream().filter(p -> only == null || only.contains(p)).forEach(p -> plans.put(p, true));
        List<PlanTargetResult> out = new ArrayList<>();
        for (String plan : plans.keySet()) {
            KpiRow row = rows.get(plan);
            PlanTarget t = byId.get(plan);
            Double coverage = row == null ? null : row.value(Kpi.ATTEMPTED_RATE);
            Double success = row == null ? null : row.value(Kpi.SUCCESS_RATE);
            out.add(new PlanTargetResult(plan, t, Judged.of(t == null ? null : t.coverage(), coverage),
                    Judged.of(t == null ? null : t.successRate(), success)));
        }
        return out;
    }
}
