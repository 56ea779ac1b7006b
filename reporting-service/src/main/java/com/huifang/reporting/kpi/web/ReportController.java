package com.huifang.reporting.kpi.web;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.reporting.facts.FactProjection;
import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.kpi.AgentReviewScores;
import com.huifang.reporting.kpi.ReportService;
import com.huifang.reporting.kpi.domain.ComplaintRates;
import com.huifang.reporting.kpi.domain.Dimension;
import com.huifang.reporting.kpi.domain.Kpi;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.KpiRow;
import com.huifang.reporting.kpi.domain.KpiUnit;
import com.huifang.reporting.kpi.domain.Opinion;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.PlanTargetResult;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.ReportRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The figures of a tenant's range: KPIs grouped and filtered by any dimension, their definitions,
 * agent performance with tiers, opinions, complaint rates per staff member. Readers: SUPERVISOR,
 * ADMIN, LEADERSHIP, AUDITOR; the tenant comes from the token alone.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class ReportController {

    private final ReportService reports;
    private final FactProjection projection;
    private final FactReader facts;
    private final AgentReviewScores reviewScores;

    public ReportController(ReportService reports, FactProjection projection, FactReader facts,
                            AgentReviewScores reviewScores) {
        this.reports = reports;
        this.projection = projection;
        this.facts = facts;
        this.reviewScores = reviewScores;
    }

    /**
     * @param due       visits that fell due in the range (应访量)
     * @param completed visits due in the range that ended successfully
     * @param issues    issues raised in the range
     */
    public record Summary(LocalDate from, LocalDate to, long due, long completed, long issues) {
    }

    @GetMapping("/summary")
    @Operation(summary = "Due, completed and issues of a date range (tenant-local dates, both inclusive)")
    public Mono<Summary> summary(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return Mono.defer(() -> {
            ReportParameters.requireReader(caller);
            ReportRange range = ReportParameters.range(params);
            return reports.kpis(ReportQuery.of(caller.tenantId(), range)).map(r -> {
                var c = r.total().counters();
                return new Summary(range.start(), range.end(), c.get(Counter.DUE), c.get(Counter.SUCCESSFUL),
                        c.get(Counter.ISSUES_RAISED));
            });
        });
    }

    /** One row of a KPI report: its group's dimension values and every KPI (null: no denominator). */
    public record KpiRowView(Map<String, String> group, Map<String, Double> values,
                             boolean homeVisitLetterShareOverLimit) {

        static KpiRowView of(KpiRow row) {
            Map<String, String> group = new LinkedHashMap<>();
            row.group().forEach((d, v) -> group.put(d.code(), v));
            Map<String, Double> values = new LinkedHashMap<>();
            for (Kpi k : Kpi.values()) {
                values.put(k.code(), row.value(k));
            }
            return new KpiRowView(group, values, row.homeVisitLetterShareOverLimit());
        }
    }

    public record RangeView(LocalDate from, LocalDate to, String label) {
        static RangeView of(ReportRange r) {
            return new RangeView(r.start(), r.end(), r.label());
        }
    }

    public record KpiReportView(RangeView range, List<String> groupBy, Map<String, Set<String>> filters,
                                List<KpiRowView> rows, KpiRowView total) {

        static KpiReportView of(KpiReport report) {
            ReportQuery q = report.query();
            Map<String, Set<String>> filters = new TreeMap<>();
            q.filters().forEach((d, v) -> filters.put(d.code(), v));
            return new KpiReportView(RangeView.of(q.range()), q.groupBy().stream().map(Dimension::code).toList(),
                    filters, report.rows().stream().map(KpiRowView::of).toList(), KpiRowView.of(report.total()));
        }
    }

    @GetMapping("/kpis")
    @Operation(summary = "Every KPI of a range (from&to, month=2026-11 or quarter=2026Q4), grouped by groupBy="
            + "plan,category,agent,team,department,channel and filtered by filter.<dimension>=a,b; definitions at "
            + "/api/reports/definitions")
    public Mono<KpiReportView> kpis(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return query(caller, params).flatMap(reports::kpis).map(KpiReportView::of);
    }

    /** The definition of one figure in both languages. */
    public record Definition(String code, String unit, String nameZh, String nameEn, String definitionZh,
                             String definitionEn) {
    }

    @GetMapping("/definitions")
    @Operation(summary = "How every figure is computed, in zh-CN and en")
    public Mono<List<Definition>> definitions(Caller caller) {
        return Mono.fromCallable(() -> {
            ReportParameters.requireReader(caller);
            List<Definition> out = new ArrayList<>();
            for (Kpi k : Kpi.values()) {
                out.add(new Definition(k.code(), k.unit().name(), k.nameZh(), k.nameEn(), k.definitionZh(),
                        k.definitionEn()));
            }
            out.add(new Definition("complaintRate", KpiUnit.PERCENT.name(), "投诉率", "Complaint rate",
                    ComplaintRates.DEFINITION_ZH, ComplaintRates.DEFINITION_EN));
            out.add(new Definition("samplingCompliance", KpiUnit.COUNT.name(), "抽样合规", "Sampling compliance",
                    PlanSampling.DEFINITION_ZH, PlanSampling.DEFINITION_EN));
            out.add(new Definition("planTargets", KpiUnit.PERCENT.name(), "方案目标达成", "Plan targets",
                    PlanTargetResult.DEFINITION_ZH, PlanTargetResult.DEFINITION_EN));
            out.add(new Definition("performanceTier", KpiUnit.COUNT.name(), "低于目标档数", "Tiers below target",
                    "低于目标值每 5 个百分点(不足 5 点按 5 点计)为一档,每档扣减绩效分值(默认 1 分)。",
                    "Each started 5 percentage points below a target is one tier; each tier deducts performance "
                            + "points (1 by default)."));
            return out;
        });
    }

    public record TargetView(String kpi, double target, Double actual, double shortfallPoints, int tiersBelow,
                             double deduction) {
    }

    /** @param quality the agent's quality reviews of visits in the range (null: none reviewed) */
    public record AgentPerformanceView(String agent, Map<String, Double> values, List<TargetView> targets,
                                       int tiersBelow, double deduction, AgentReviewScores.Summary quality) {
    }

    @GetMapping("/agents")
    @Operation(summary = "Agent performance against targets (回访率 100 %, success rate 90 %) with tiers below "
            + "target: one tier per pointsPerTier (5) points started, deductionPerTier (1) points each; quality: the "
            + "agent's quality reviews of visits in the range (count, passed, failed, mean score in %)")
    public Mono<List<AgentPerformanceView>> agents(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return query(caller, params).flatMap(q -> {
            PerformanceReview review = review(params);
            return Mono.zip(reports.kpis(q.withGroupBy(List.of(Dimension.AGENT))),
                    reviewScores.between(q.tenantId(), q.range().start(), q.range().end())).map(t -> review
                    .assessAgents(t.getT1()).stream()
                    .map(a -> new AgentPerformanceView(a.agent(), KpiRowView.of(a.row()).values(),
                            a.results().stream().map(r -> new TargetView(r.kpi().code(), r.target(), r.actual(),
                                    r.shortfall(), r.tiersBelow(), r.deduction())).toList(),
                            a.tiersBelow(), a.deduction(), t.getT2().get(a.agent())))
                    .toList());
        });
    }

    static PerformanceReview review(MultiValueMap<String, String> params) {
        PerformanceReview seed = PerformanceReview.SEED_000;
        double points = number(params, "pointsPerTier", seed.pointsPerTier());
        double deduction = number(params, "deductionPerTier", seed.deductionPerTier());
        try {
            return new PerformanceReview(seed.targets(), points, deduction);
        } catch (ReportRequestException e) {
            throw ReportParameters.problem(e);
        }
    }

    private static double number(MultiValueMap<String, String> params, String name, double fallback) {
        String v = params.getFirst(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "format", "reporting.request.invalid", v);
        }
    }

    @GetMapping("/opinions")
    @Operation(summary = "Customers' opinions and suggestions given in surveys submitted in the range")
    public Mono<List<Opinion>> opinions(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return query(caller, params).flatMap(reports::opinions);
    }

    @GetMapping("/complaint-rates")
    @Operation(summary = "Complaint rate per staff member: issues naming them ÷ successful visits of customers they served")
    public Mono<List<ComplaintRates.StaffComplaintRate>> complaintRates(Caller caller,
                                                                       @RequestParam MultiValueMap<String, String> params) {
        return query(caller, params).flatMap(q -> reports.complaintRates(q.tenantId(), q.range()));
    }

    @PostMapping("/rebuild")
    @Operation(summary = "ADMIN: re-derive every stored fact document of the tenant from its stored domain state "
            + "(daily facts are rebuilt on every read, so nothing else is kept)")
    public Mono<FactProjection.RebuildResult> rebuild(Caller caller) {
        return Mono.defer(() -> {
            if (!caller.hasAnyRole(Role.ADMIN)) {
                return Mono.error(ApiProblem.forbidden("problem.forbidden"));
            }
            return projection.rebuild(caller.tenantId()).doOnSuccess(r -> reports.changed(caller.tenantId()));
        });
    }

    public record PlacementRequest(@NotBlank String team,
                                   @NotBlank String department) {
    }

    public record PlacementView(String agentId, String team, String department) {
    }

    @PutMapping("/agents/{agentId}/placement")
    @Operation(summary = "SUPERVISOR/ADMIN: the team and department an agent's visits are reported under")
    public Mono<PlacementView> place(Caller caller, @PathVariable String agentId,
                                     @Valid @RequestBody PlacementRequest body) {
        return Mono.defer(() -> {
            if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
                return Mono.error(ApiProblem.forbidden("problem.forbidden"));
            }
            return facts.place(caller.tenantId(), agentId, body.team().trim(), body.department().trim())
                    .doOnSuccess(d -> reports.changed(caller.tenantId()))
                    .map(d -> new PlacementView(d.agentId, d.team, d.department));
        });
    }

    static Mono<ReportQuery> query(Caller caller, MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> {
            ReportParameters.requireReader(caller);
            return ReportParameters.query(caller.tenantId(), ReportParameters.range(params), params);
        });
    }
}
