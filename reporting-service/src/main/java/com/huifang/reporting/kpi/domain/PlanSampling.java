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
import java.util.TreeSet;

/**
 * Sampling compliance of one plan in one period (seed 001 §4: "each month call back ≥ 10 % of the
 * households served if more than 300, ≥ 20 % if 100–300, ≥ 30 % if fewer than 100; new contracts, a new
 * staff member's work and staff complained about before are always included").
 *
 * <p>No event carries a plan's sampling rule: schedule-service keeps the population and draws the sample
 * itself, and publishes only the visits it planned ({@code VisitPlanned} with the plan and the service
 * event they answer). So the population is derived from the events reporting has: the plan answers the
 * service-event types its visits were planned from; its population of a period is the distinct households
 * (customers) with a service event of those types that occurred in the period (tenant-local date); the
 * mandatory inclusions are the households whose event is flagged {@code newContract}, {@code newStaff} or
 * {@code staffComplainedBefore} = "true" (the attributes schedule-service samples by). The sample visited
 * is the households of the population whose visit of the plan, planned from an event of the period, ended
 * successfully (whenever it was done: a sample is drawn after its period, so its visits fall due later).
 *
 * @param plan             plan id
 * @param period           "2026-11" or "2026-Q4"; a period cut by the requested range is labelled by its
 *                         dates ("2026-11-01..2026-11-15")
 * @param population       distinct households served in the period by the plan's event types
 * @param planned          households of the population with a visit of the plan (sampled or not)
 * @param sampled          fewer households were planned than served: the plan samples (a plan that visits
 *                         every household complies by construction)
 * @param requiredRatio    the tier's ratio for the population
 * @param mandatory        households that must be in the sample whatever the ratio
 * @param required         max(⌈population × ratio⌉, mandatory), at most the population
 * @param visited          households of the population with a successful visit of the plan
 * @param mandatoryVisited mandatory households among them
 * @param compliant        visited ≥ required and every mandatory household visited
 */
public record PlanSampling(String plan, String period, LocalDate from, LocalDate to, long population, long planned,
                           boolean sampled, double requiredRatio, long mandatory, long required, long visited,
                           long mandatoryVisited, boolean compliant) {

    /** The service-event attributes that put a household in every sample (schedule-service's InclusionReason). */
    public static final List<String> MANDATORY_ATTRIBUTES = List.of("newContract", "newStaff", "staffComplainedBefore");

    public static final String DEFINITION_ZH = "抽样合规:按回访方案、按期间(月或季度)。服务户数 = 期间内发生该方案所回访服务事件类型的"
            + "不同客户数;要求抽样数 = 服务户数 × 分档比例(>300 户 10%,100–300 户 20%,<100 户 30%)向上取整,且不少于必抽户数"
            + "(新签合同、新员工服务、曾被投诉员工的服务);实际回访户数 = 由期间内服务事件生成、回访成功的不同户数;"
            + "实际回访户数 ≥ 要求抽样数且必抽户全部回访成功时为合规。";
    public static final String DEFINITION_EN = "Sampling compliance, per plan and period (month or quarter). Households "
            + "served = distinct customers with a service event of the plan's event types in the period; required = "
            + "households served × tier ratio (> 300: 10 %, 100–300: 20 %, < 100: 30 %) rounded up, and at least the "
            + "mandatory households (new contract, a new staff member's work, staff complained about before); visited = "
            + "distinct households whose visit of the plan, planned from an event of the period, succeeded. Compliant "
            + "when visited ≥ required and every mandatory household was visited.";

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

    /**
     * Sampling compliance of every plan with a visit planned from an event of each period.
     *
     * @param served the tenant's service events that occurred in the periods
     * @param visits the tenant's visits planned from those events (others are ignored)
     * @return one line per period and plan, periods in order, plans by id
     */
    public static List<PlanSampling> compute(String tenantId, List<ReportRange> periods, Collection<ServiceEventFact> served,
                                             Collection<VisitFact> visits, ZoneId zone, SamplingTiers tiers) {
        Map<String, ServiceEventRecorded> events = new HashMap<>();
        for (ServiceEventFact f : served) {
            if (f.tenantId().equals(tenantId) && f.recorded() != null && f.recorded().value().customerId() != null
                    && f.recorded().value().occurredAt() != null) {
                events.put(f.serviceEventId(), f.recorded().value());
            }
        }
        // the event types each plan answers, and its visits by the event they answer
        Map<String, Set<String>> typesByPlan = new TreeMap<>();
        Map<String, List<VisitFact>> visitsByPlan = new HashMap<>();
        for (VisitFact v : visits) {
            ServiceEventRecorded e = v.serviceEventId() == null ? null : events.get(v.serviceEventId());
            if (!v.tenantId().equals(tenantId) || v.planId() == null || e == null) {
                continue;
            }
            typesByPlan.computeIfAbsent(v.planId(), p -> new HashSet<>()).add(e.eventType());
            visitsByPlan.computeIfAbsent(v.planId(), p -> new ArrayList<>()).add(v);
        }
        List<PlanSampling> out = new ArrayList<>();
        for (ReportRange period : periods) {
            for (Map.Entry<String, Set<String>> plan : typesByPlan.entrySet()) {
                Set<String> population = new TreeSet<>();
                Set<String> mandatory = new HashSet<>();
                for (ServiceEventRecorded e : events.values()) {
                    if (plan.getValue().contains(e.eventType()) && period.contains(localDate(e, zone))) {
                        population.add(e.customerId());
                        if (isMandatory(e)) {
                            mandatory.add(e.customerId());
                        }
                    }
                }
                if (population.isEmpty()) {
                    continue;
                }
                Set<String> planned = new HashSet<>();
                Set<String> visited = new HashSet<>();
                for (VisitFact v : visitsByPlan.get(plan.getKey())) {
                    ServiceEventRecorded e = events.get(v.serviceEventId());
                    if (!period.contains(localDate(e, zone))) {
                        continue;
                    }
                    planned.add(e.customerId());
                    if (v.result() == VisitResult.COMPLETED) {
                        visited.add(e.customerId());
                    }
                }
                out.add(of(plan.getKey(), period, population.size(), planned.size(), mandatory.size(), visited.size(),
                        visited.stream().filter(mandatory::contains).count(), tiers));
            }
        }
        return out;
    }

    /** The figures of one plan and period from its counts: the one place required and compliance are decided. */
    public static PlanSampling of(String plan, ReportRange period, long population, long planned, long mandatory,
                                  long visited, long mandatoryVisited, SamplingTiers tiers) {
        SamplingTiers.Compliance base = tiers.evaluate(population, visited);
        long required = Math.min(population, Math.max(base.required(), mandatory));
        boolean compliant = visited >= required && mandatoryVisited >= mandatory;
        return new PlanSampling(plan, period.label(), period.start(), period.end(), population, planned,
                planned < population, base.requiredRatio(), mandatory, required, visited, mandatoryVisited, compliant);
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
