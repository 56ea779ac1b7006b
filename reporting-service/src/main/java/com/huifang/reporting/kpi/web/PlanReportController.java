package com.huifang.reporting.kpi.web;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.reporting.export.CsvExport;
import com.huifang.reporting.export.Language;
import com.huifang.reporting.export.ReportTable;
import com.huifang.reporting.export.ReportTables;
import com.huifang.reporting.export.XlsxExport;
import com.huifang.reporting.kpi.PlanReports;
import com.huifang.reporting.kpi.ReportService;
import com.huifang.reporting.kpi.domain.IssueLine;
import com.huifang.reporting.kpi.domain.IssueList;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.PlanTargetResult;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.ReportRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Per-plan figures and the issues list: sampling compliance of each plan per month or quarter, each plan's
 * figures against its targets, and the issues raised in a range (JSON, paginated; CSV and .xlsx exports,
 * audited like the other exports). Readers: SUPERVISOR, ADMIN, LEADERSHIP, AUDITOR; the tenant comes
 * from the token alone. Unknown parameters are refused (400), never ignored.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class PlanReportController {

    private static final Set<String> RANGE = Set.of("from", "to", "month", "quarter");
    private static final Set<String> SAMPLING_PARAMS = union(RANGE, Set.of("period", "lang"));
    private static final Set<String> ISSUE_PARAMS = union(RANGE, Set.of("page", "size", "lang"));
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final PlanReports plans;
    private final ReportService reports;
    private final AuditTrail audit;

    public PlanReportController(PlanReports plans, ReportService reports, AuditTrail audit) {
        this.plans = plans;
        this.reports = reports;
        this.audit = audit;
    }

    // ---- sampling compliance ------------------------------------------------------------------

    public record SamplingView(ReportController.RangeView range, String period, List<PlanSampling> plans,
                               boolean compliant) {
    }

    @GetMapping("/sampling")
    @Operation(summary = "Sampling compliance per sampling plan and period (seed 001: > 300 households 10 %, "
            + "100–300 20 %, < 100 30 %, rounded up, mandatory inclusions), against schedule-service's draw "
            + "(SampleDrawn): drawn, households served, tier, required and mandatory as drawn, households visited, "
            + "compliant; a period with households served but no draw is drawn=false and not compliant. Range: month=2026-11, quarter=2026Q4 or from&to; period=month|quarter (default: "
            + "quarter for quarter=, else month). Definition at /api/reports/definitions (samplingCompliance)")
    public Mono<SamplingView> sampling(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return Mono.defer(() -> {
            ReportParameters.requireReader(caller);
            onlyKnown(params, SAMPLING_PARAMS, Set.of());
            ReportRange range = ReportParameters.range(params);
            PlanSampling.Granularity granularity = granularity(params);
            return plans.sampling(caller.tenantId(), range, granularity)
                    .map(list -> new SamplingView(ReportController.RangeView.of(range), granularity.name(), list,
                            list.stream().allMatch(PlanSampling::compliant)));
        });
    }

    @GetMapping("/sampling.csv")
    @Operation(summary = "Sampling compliance per plan and period as CSV (UTF-8 with BOM); same parameters as "
            + "/sampling plus lang=zh-CN|en")
    public Mono<Void> samplingCsv(Caller caller, @RequestParam MultiValueMap<String, String> params,
                                  ServerHttpResponse response) {
        return samplingExport(caller, "csv", params, response);
    }

    @GetMapping("/sampling.xlsx")
    @Operation(summary = "Sampling compliance per plan and period as Excel; same parameters as /sampling plus "
            + "lang=zh-CN|en")
    public Mono<Void> samplingXlsx(Caller caller, @RequestParam MultiValueMap<String, String> params,
                                   ServerHttpResponse response) {
        return samplingExport(caller, "xlsx", params, response);
    }

    private Mono<Void> samplingExport(Caller caller, String format, MultiValueMap<String, String> params,
                                      ServerHttpResponse response) {
        return Mono.defer(() -> {
            ReportParameters.requireReader(caller);
            onlyKnown(params, SAMPLING_PARAMS, Set.of());
            ReportRange range = ReportParameters.range(params);
            PlanSampling.Granularity granularity = granularity(params);
            Language lang = Language.fromTag(params.getFirst("lang"));
            Map<String, String> after = Map.of("period", granularity.name());
            return plans.sampling(caller.tenantId(), range, granularity).flatMap(list -> export(caller, "sampling",
                    format, lang, range, after, ReportTables.sampling(list), response));
        });
    }

    private static PlanSampling.Granularity granularity(MultiValueMap<String, String> params) {
        String period = params.getFirst("period");
        if (period == null) {
            return params.getFirst("quarter") != null ? PlanSampling.Granularity.QUARTER : PlanSampling.Granularity.MONTH;
        }
        try {
            return PlanSampling.Granularity.parse(period);
        } catch (ReportRequestException e) {
            throw ApiProblem.invalidField("period", "invalid", "reporting.period.invalid", period);
        }
    }

    // ---- plan targets -------------------------------------------------------------------------

    public record PlanTargetsView(ReportController.RangeView range, Map<String, Set<String>> filters,
                                  List<PlanTargetResult> plans) {
    }

    @GetMapping("/plan-targets")
    @Operation(summary = "Each plan's attempted rate (coverage) and success rate of the range against the plan's "
            + "latest targets (PlanTargetsChanged, highest version), met or not; same range and filter.<dimension> "
            + "parameters as /kpis. Definition at /api/reports/definitions (planTargets)")
    public Mono<PlanTargetsView> planTargets(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return ReportController.query(caller, params).flatMap(q -> {
            if (!q.groupBy().isEmpty()) {
                return Mono.error(ApiProblem.invalidField("groupBy", "unsupported", "reporting.parameter.unknown",
                        "groupBy"));
            }
            Map<String, Set<String>> filters = new TreeMap<>();
            q.filters().forEach((d, v) -> filters.put(d.code(), v));
            return plans.targets(q).map(list -> new PlanTargetsView(ReportController.RangeView.of(q.range()), filters,
                    list));
        });
    }

    // ---- the issues list ----------------------------------------------------------------------

    /** One issue: ids, codes, dates and staff ids only (no customer data). */
    public record IssueView(LocalDate raisedOn, String issueId, String visitId, String category, String severity,
                            String department, String status, String highestEscalation, LocalDate resolvedOn,
                            Boolean slaMet, List<String> staffIds) {

        static IssueView of(IssueLine i) {
            return new IssueView(i.raisedOn(), i.issueId(), i.visitId(), i.category(), i.severity(), i.department(),
                    i.status(), i.highestEscalation(), i.resolvedOn(), i.slaMet(), i.staffIds());
        }
    }

    public record IssuePageView(ReportController.RangeView range, Map<String, String> filters, int page, int size,
                                long total, List<IssueView> items) {
    }

    @GetMapping("/issues")
    @Operation(summary = "The issues raised in a range (tenant-local date raised; month=, quarter= or from&to), oldest "
            + "first, filtered by filter.status=OPEN,ESCALATED,RESOLVED,CLOSED, filter.category, filter.department, "
            + "filter.staff (comma-separated, any of), paginated by page (from 0) and size (1–500, default 50)")
    public Mono<IssuePageView> issues(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return Mono.defer(() -> {
            ReportParameters.requireReader(caller);
            onlyKnown(params, ISSUE_PARAMS, Set.copyOf(IssueList.FILTERS));
            ReportRange range = ReportParameters.range(params);
            IssueList list = issueList(params);
            int page = integer(params, "page", 0);
            int size = integer(params, "size", DEFAULT_PAGE_SIZE);
            try {
                list.page(List.of(), page, size);
            } catch (ReportRequestException e) {
                throw ApiProblem.invalidField(e.field(), "range", "reporting.page.invalid", IssueList.MAX_PAGE_SIZE);
            }
            return reports.issues(caller.tenantId(), range).map(lines -> {
                IssueList.Page p = list.page(lines, page, size);
                return new IssuePageView(ReportController.RangeView.of(range), list.describe(), p.page(), p.size(),
                        p.total(), p.items().stream().map(IssueView::of).toList());
            });
        });
    }

    @GetMapping("/issues.csv")
    @Operation(summary = "Every issue of /issues matching the filters (no pages) as CSV (UTF-8 with BOM), headers in "
            + "lang=zh-CN|en")
    public Mono<Void> issuesCsv(Caller caller, @RequestParam MultiValueMap<String, String> params,
                                ServerHttpResponse response) {
        return issuesExport(caller, "csv", params, response);
    }

    @GetMapping("/issues.xlsx")
    @Operation(summary = "Every issue of /issues matching the filters (no pages) as Excel, headers in lang=zh-CN|en")
    public Mono<Void> issuesXlsx(Caller caller, @RequestParam MultiValueMap<String, String> params,
                                 ServerHttpResponse response) {
        return issuesExport(caller, "xlsx", params, response);
    }

    private Mono<Void> issuesExport(Caller caller, String format, MultiValueMap<String, String> params,
                                    ServerHttpResponse response) {
        return Mono.defer(() -> {
            ReportParameters.requireReader(caller);
            onlyKnown(params, union(RANGE, Set.of("lang")), Set.copyOf(IssueList.FILTERS));
            ReportRange range = ReportParameters.range(params);
            IssueList list = issueList(params);
            Language lang = Language.fromTag(params.getFirst("lang"));
            Map<String, String> after = new LinkedHashMap<>();
            list.describe().forEach((k, v) -> after.put("filter." + k, v));
            return reports.issues(caller.tenantId(), range).flatMap(lines -> export(caller, "issues", format, lang,
                    range, after, ReportTables.issues(list.filter(lines)), response));
        });
    }

    private static IssueList issueList(MultiValueMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ReportParameters.FILTER_PREFIX)) {
                filters.put(name.substring(ReportParameters.FILTER_PREFIX.length()), ReportParameters.split(values));
            }
        });
        try {
            return IssueList.parse(filters);
        } catch (ReportRequestException e) {
            if (e.field().equals("filter.status")) {
                throw ApiProblem.invalidField(e.field(), "unknown-status", "reporting.issues.bad-status",
                        String.join(", ", IssueList.STATUSES));
            }
            throw ApiProblem.invalidField(e.field(), "unknown-filter", "reporting.filter.unknown",
                    String.join(", ", IssueList.FILTERS));
        }
    }

    private static int integer(MultiValueMap<String, String> params, String name, int fallback) {
        String v = params.getFirst(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "format", "reporting.request.invalid", v);
        }
    }

    // ---- shared ---------------------------------------------------------------------------------

    /**
     * Refuses a parameter this report does not know (a misspelt filter must not silently widen the answer).
     *
     * @param filters the filter names accepted after "filter."
     */
    private static void onlyKnown(MultiValueMap<String, String> params, Set<String> known, Set<String> filters) {
        for (String name : params.keySet()) {
            if (name.startsWith(ReportParameters.FILTER_PREFIX)) {
                if (!filters.contains(name.substring(ReportParameters.FILTER_PREFIX.length()))) {
                    throw ApiProblem.invalidField(name, "unknown-filter", "reporting.filter.unknown",
                            filters.isEmpty() ? "-" : String.join(", ", new java.util.TreeSet<>(filters)));
                }
            } else if (!known.contains(name)) {
                throw ApiProblem.invalidField(name, "unknown-parameter", "reporting.parameter.unknown", name);
            }
        }
    }

    /** Audits the export ({@code report.exported}: report, range, format, filters; never a figure), then streams it. */
    private Mono<Void> export(Caller caller, String report, String format, Language lang, ReportRange range,
                              Map<String, String> extra, ReportTable table, ServerHttpResponse response) {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("format", format);
        after.put("lang", lang.pick("zh-CN", "en"));
        after.put("from", range.start().toString());
        after.put("to", range.end().toString());
        after.putAll(extra);
        AuditDraft draft = AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                .action("report.exported")
                .target("report", report + "/" + range.label())
                .after(after)
                .build();
        boolean csv = "csv".equals(format);
        return audit.record(draft).then(ExportController.stream(response, csv ? ExportController.CSV : ExportController.XLSX,
                ExportController.fileName(table.nameZh(), report, range, lang, format), out -> {
                    if (csv) {
                        CsvExport.write(table, lang, out);
                    } else {
                        XlsxExport.write(table, lang, out);
                    }
                }));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
