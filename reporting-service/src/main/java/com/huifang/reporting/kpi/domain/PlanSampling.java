package com.huifang.reporting.kpi.domain;

import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.domain.VisitResult;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sampling compliance of one sampling plan in one period (seed 001 §4: "each month call back ≥ 10 % of the
 * households served if more than 300, ≥ 20 % if 100–300, ≥ 30 % if fewer than 100; new contracts, a new
 * staff member's work and staff complained about before are always included").
 *
 * <p>The figures of the rule are schedule-service's, exactly: its draw of a period ({@code SampleDrawn},
 * kept as {@link SampleDraw}) names the population, the tier, the required count and the mandatory
 * households. What reporting counts itself is the sample visited: the households whose visit of the plan,
 * planned from a service event of the period (tenant-local date), ended successfully (whenever it was done:
 * a sample is drawn after its period, so its visits fall due later), and the mandatory ones among them
 * (service events flagged {@code newContract}, {@code newStaff} or {@code staffComplainedBefore} = "true").
 *
 * <p>A sampling plan is a plan with at least one draw. A period of it without a draw, from its first
 * draw on and before it was retired, in which households were served (service events of the types its
 * visits answer) is listed as not drawn and not compliant: nothing was sampled. Nothing is inferred any
 * more: the population and the tier are never computed here.
 *
 * <p>A plan samples per month or per quarter (the kind of its latest draw). A quarter's line of a monthly
 * plan adds up its three months, and complies only when every month does; a quarterly plan is listed in
 * quarterly reports only. A period cut by the requested range is judged whole (its month or quarter).
 *
 * @param plan             plan id
 * @param period           "2026-11" or "2026-Q4"
 * @param from             first day of the period
 * @param to               last day of the period
 * @param drawn            every period making up this line was drawn
 * @param population       households served, as drawn (for a period not drawn: those seen served)
 * @param requiredRatio    the draws' tier (0.2 for 20 %); null when nothing was drawn or the drawn months' tiers differ
 * @param mandatory        households that had to be in the sample, as drawn
 * @param required         households the sample had to visit, as drawn: max(⌈population × tier⌉, mandatory)
 * @param selected         households selected by the draw
 * @param visited          households of the period with a successful visit of the plan
 * @param mandatoryVisited mandatory households among them
 * @param compliant        drawn, visited ≥ required and every mandatory household visited
 */
public record PlanSampling(String plan, String period, LocalDate from, LocalDate to, boolean drawn, long population,
                           Double requiredRatio, long mandatory, long required, long selected, long visited,
                           long mandatoryVisited, boolean compliant) {

    /** The service-event attributes that put a household in every sample (schedule-service's InclusionReason). */
    public static final List<String> MANDATORY_ATTRIBUTES = List.of("newContract", "newStaff", "staffComplainedBefore");

    public static final String DEFINITION_ZH = "抽样合规:按抽样回访方案、按期间(月或季度,依方案的抽样周期)。服务户数、分档比例"
            + "(>300 户 10%,100–300 户 20%,<100 户 30%)、要求抽样数(服务户数 × 比例向上取整,且不少于必抽户数)和必抽户数"
            + "(新签合同、新员工服务、曾被投诉员工的服务)均取自排程服务抽样时公布的抽样结果(SampleDrawn),不再推算;"
            + "实际回访户数 = 由该期间服务事件生成、该方案回访成功的不同户数。已抽样、实际回访户数 ≥ 要求抽样数且必抽户全部回访成功时为合规。"
            + "抽样方案(至少抽样过一次的方案)在首次抽样之后、停用之前的某期间有服务户(该方案回访的服务事件类型)却未抽样的,"
            + "列为未抽样(drawn = false),不合规。季度报表中按月抽样的方案汇总其三个月,每月均合规才合规;按季度抽样的方案只列在季度报表中;"
            + "被报表范围截断的期间按整月或整季度判定。";
    public static final String DEFINITION_EN = "Sampling compliance, per sampling plan and period (month or quarter, "
            + "as the plan samples). Households served, the tier (> 300: 10 %, 100–300: 20 %, < 100: 30 %), required "
            + "(households served × tier rounded up, and at least the mandatory households) and the mandatory households "
            + "(new contract, a new staff member's work, staff complained about before) are schedule-service's figures "
            + "from its draw (SampleDrawn), never inferred; visited = distinct households whose visit of the plan, "
            + "planned from a service event of the period, succeeded. Compliant when drawn, visited ≥ required and every "
            + "mandatory household was visited. A period of a sampling plan (one that drew at least once), after its "
            + "first draw and before it was retired, with households served (service events of the types its visits "
            + "answer) but no draw is listed as not drawn (drawn = false) and does not comply. In a quarter, a plan "
            + "sampling per month adds up its three months and complies when every month does; a plan sampling per "
            + "quarter is listed in quarters only. A period cut by the requested range is judged whole.";

    /** The periods sampling is judged by. */
    public enum Granularity {
        MONTH, QUARTER;

        /** @throws ReportRequestException naming "period" for anything but month or quarter */
        public static Granularity parse(String value) {
            for (Granularity g : values()) {
                if (g.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return g;
                }
            }
            throw new ReportRequestException("period", "must be month or quarter, was '" + value + "'");
        }
    }

    /** The range cut into calendar months or quarters (the first and last clipped to the range). */
    public static List<ReportRange> periods(ReportRange range, Granularity granularity) {
        List<ReportRange> out = new ArrayList<>();
        YearMonth m = YearMonth.from(range.start());
        if (granularity == Granularity.QUARTER) {
            m = YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1);
        }
        int step = granularity == Granularity.QUARTER ? 3 : 1;
        for (; !m.atDay(1).isAfter(range.end()); m = m.plusMonths(step)) {
            LocalDate start = m.atDay(1);
            LocalDate end = m.plusMonths(step - 1).atEndOfMonth();
            String label = granularity == Granularity.QUARTER
                    ? m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1) : m.toString();
            if (start.isBefore(range.start()) || end.isAfter(range.end())) {
                start = start.isBefore(range.start()) ? range.start() : start;
                end = end.isAfter(range.end()) ? range.end() : end;
                label = start + ".." + end;
            }
            out.add(new ReportRange(start, end, label));
        }
        return out;
    }

    /** The whole calendar month or quarter {@code period} (a range's period, maybe cut by the range) belongs to. */
    public static ReportRange whole(ReportRange period, Granularity granularity) {
        YearMonth first = YearMonth.from(period.start());
        if (granularity == Granularity.QUARTER) {
            return ReportRange.quarter(first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
        }
        return ReportRange.month(first);
    }

    /**
     * Sampling compliance of every sampling plan (a plan with a draw) in each period.
     *
     * @param draws      the tenant's draws (all of them: a plan with a draw in any period is a sampling plan)
     * @param retiredOn  tenant-local day each retired plan was retired: no period from then on is missing a draw
     * @param eventTypes service-event types each plan's visits answer, beyond those seen in {@code visits}
     * @param served     the tenant's service events that occurred in the periods' whole months or quarters
     * @param visits     the tenant's visits planned from those events (others are ignored)
     * @return one line per period and plan, periods in order, plans by id
     */
    public static List<PlanSampling> compute(String tenantId, List<ReportRange> periods, Granularity granularity,
                                             Collection<SampleDraw> draws, Map<String, LocalDate> retiredOn,
                                             Map<String, Set<String>> eventTypes, Collection<ServiceEventFact> served,
                                             Collection<VisitFact> visits, ZoneId zone) {
        Map<String, List<SampleDraw>> drawsByPlan = new TreeMap<>();
        for (SampleDraw d : draws) {
            if (d.tenantId().equals(tenantId)) {
                drawsByPlan.computeIfAbsent(d.planId(), p -> new ArrayList<>()).add(d);
            }
        }
        if (drawsByPlan.isEmpty()) {
            return List.of();
        }
        Map<String, ServiceEventRecorded> events = new HashMap<>();
        for (ServiceEventFact f : served) {
            if (f.tenantId().equals(tenantId) && f.recorded() != null && f.recorded().value().customerId() != null
                    && f.recorded().value().occurredAt() != null) {
                events.put(f.serviceEventId(), f.recorded().value());
            }
        }
        // the event types each sampling plan answers, and its visits by the event they answer
        Map<String, Set<String>> typesByPlan = new HashMap<>();
        Map<String, List<VisitFact>> visitsByPlan = new HashMap<>();
        for (String plan : drawsByPlan.keySet()) {
            typesByPlan.put(plan, new HashSet<>(eventTypes.getOrDefault(plan, Set.of())));
            visitsByPlan.put(plan, new ArrayList<>());
        }
        for (VisitFact v : visits) {
            ServiceEventRecorded e = v.serviceEventId() == null ? null : events.get(v.serviceEventId());
            if (!v.tenantId().equals(tenantId) || e == null || !drawsByPlan.containsKey(v.planId())) {
                continue;
            }
            typesByPlan.get(v.planId()).add(e.eventType());
            visitsByPlan.get(v.planId()).add(v);
        }
        List<PlanSampling> out = new ArrayList<>();
        for (ReportRange period : periods) {
            ReportRange whole = whole(period, granularity);
            for (Map.Entry<String, List<SampleDraw>> plan : drawsByPlan.entrySet()) {
                List<SampleDraw> planDraws = plan.getValue();
                SampleDraw latest = planDraws.stream().max(Comparator.comparing((SampleDraw d) -> d.span().start())).get();
                LocalDate firstDrawn = planDraws.stream().map(d -> d.span().start()).min(Comparator.naturalOrder()).get();
                LocalDate retired = retiredOn.get(plan.getKey());
                List<Unit> units = new ArrayList<>();
                for (ReportRange unit : units(whole, granularity, latest.quarterly())) {
                    SampleDraw draw = planDraws.stream().filter(d -> d.period().equals(unit.label())).findFirst()
                            .orElse(null);
                    Set<String> visited = new HashSet<>();
                    Set<String> mandatoryVisited = new HashSet<>();
                    for (VisitFact v : visitsByPlan.get(plan.getKey())) {
                        ServiceEventRecorded e = events.get(v.serviceEventId());
                        if (v.result() == VisitResult.COMPLETED && unit.contains(localDate(e, zone))) {
                            visited.add(e.customerId());
                            if (isMandatory(e)) {
                                mandatoryVisited.add(e.customerId());
                            }
                        }
                    }
                    if (draw != null) {
                        units.add(new Unit(draw, draw.population(), visited.size(), mandatoryVisited.size()));
                        continue;
                    }
                    if (unit.start().isBefore(firstDrawn) || (retired != null && !unit.start().isBefore(retired))) {
                        continue; // not sampling then: before its first draw, or retired
                    }
                    Set<String> households = new HashSet<>(visited);
                    for (ServiceEventRecorded e : events.values()) {
                        if (typesByPlan.get(plan.getKey()).contains(e.eventType()) && unit.contains(localDate(e, zone))) {
                            households.add(e.customerId());
                        }
                    }
                    if (!households.isEmpty()) {
                        units.add(new Unit(null, households.size(), visited.size(), mandatoryVisited.size()));
                    }
                }
                if (!units.isEmpty()) {
                    out.add(of(plan.getKey(), whole, units));
                }
            }
        }
        return out;
    }

    /** The months (or the quarter) of a plan's sampling periods inside {@code whole}. */
    private static List<ReportRange> units(ReportRange whole, Granularity granularity, boolean quarterly) {
        if (quarterly) {
            return granularity == Granularity.QUARTER ? List.of(whole) : List.of(); // judged by whole quarters only
        }
        List<ReportRange> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(whole.start()); !m.atDay(1).isAfter(whole.end()); m = m.plusMonths(1)) {
            months.add(ReportRange.month(m));
        }
        return months;
    }

    /**
     * One sampling period of a plan: its draw (null when it was not drawn), the households served (as
     * drawn, or as seen when not drawn) and the households of the period visited successfully.
     */
    public record Unit(SampleDraw draw, long population, long visited, long mandatoryVisited) {

        boolean compliant() {
            return draw != null && visited >= draw.required() && mandatoryVisited >= draw.mandatory();
        }
    }

    /** The line of one plan and period from its sampling periods: the one place compliance is decided. */
    public static PlanSampling of(String plan, ReportRange period, List<Unit> units) {
        boolean drawn = units.stream().allMatch(u -> u.draw() != null);
        Set<Double> tiers = new HashSet<>();
        long population = 0, mandatory = 0, required = 0, selected = 0, visited = 0, mandatoryVisited = 0;
        for (Unit u : units) {
            population += u.population();
            visited += u.visited();
            mandatoryVisited += u.mandatoryVisited();
            if (u.draw() != null) {
                tiers.add(u.draw().tierPercent());
                mandatory += u.draw().mandatory();
                required += u.draw().required();
                selected += u.draw().selected();
            }
        }
        Double ratio = tiers.size() == 1 ? tiers.iterator().next() / 100.0 : null;
        boolean compliant = !units.isEmpty() && units.stream().allMatch(Unit::compliant);
        return new PlanSampling(plan, period.label(), period.start(), period.end(), drawn, population, ratio, mandatory,
                required, selected, visited, mandatoryVisited, compliant);
    }

    private static LocalDate localDate(ServiceEventRecorded e, ZoneId zone) {
        return e.occurredAt().atZone(zone).toLocalDate();
    }

    private static boolean isMandatory(ServiceEventRecorded e) {
        if (e.attributes() == null) {
            return false;
        }
        for (String a : MANDATORY_ATTRIBUTES) {
            if ("true".equalsIgnoreCase(e.attributes().get(a))) {
                return true;
            }
        }
        return false;
    }

    /** Sorted as reports list them: period, then plan. */
    public static final Comparator<PlanSampling> ORDER = Comparator.comparing(PlanSampling::from)
            .thenComparing(PlanSampling::plan);
}
