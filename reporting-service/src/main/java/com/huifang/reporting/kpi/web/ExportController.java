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
import com.huifang.reporting.export.SupervisorWorkbook;
import com.huifang.reporting.export.XlsxExport;
import com.huifang.reporting.kpi.PlanReports;
import com.huifang.reporting.kpi.ReportService;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.Dimension;
import com.huifang.reporting.kpi.domain.Kpi;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Downloads: the KPI table, agent performance, opinions and complaint rates as CSV or .xlsx, and the
 * supervisor's monthly and quarterly workbooks. The
 * report is computed first (a bad request is a 400 problem, nothing written); then the file is written
 * on a bounded-elastic thread straight into the response's data buffers (back-pressured), never held
 * whole in memory.
 *
 * <p>Every export is audited ({@code report.exported}: who, which report and range, the format and the
 * filters; never a figure or a name) before its first byte is written: a file that left the building is
 * on the audit trail even when the download is broken off.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;
    private final PlanReports plans;
    private final AuditTrail audit;

    public ExportController(ReportService reports, PlanReports plans, AuditTrail audit) {
        this.reports = reports;
        this.plans = plans;
        this.audit = audit;
    }

    @GetMapping("/kpis.csv")
    @Operation(summary = "The KPI report as CSV (UTF-8 with BOM); same parameters as /kpis plus lang=zh-CN|en")
    public Mono<Void> kpisCsv(Caller caller, @RequestParam MultiValueMap<String, String> params,
                              ServerHttpResponse response) {
        Language lang = Language.fromTag(params.getFirst("lang"));
        return ReportController.query(caller, params).flatMap(reports::kpis).flatMap(report -> audited(caller,
                "kpis", "csv", lang, report.query(), stream(response, CSV, fileName(report.query().range(), lang, "csv"),
                        out -> CsvExport.write(ReportTables.kpis(report, List.of(Kpi.values()), lang), lang, out))));
    }

    @GetMapping("/kpis.xlsx")
    @Operation(summary = "The KPI report as an Excel workbook; same parameters as /kpis plus lang=zh-CN|en")
    public Mono<Void> kpisXlsx(Caller caller, @RequestParam MultiValueMap<String, String> params,
                               ServerHttpResponse response) {
        Language lang = Language.fromTag(params.getFirst("lang"));
        return ReportController.query(caller, params).flatMap(reports::kpis).flatMap(report -> audited(caller,
                "kpis", "xlsx", lang, report.query(), stream(response, XLSX,
                        fileName(report.query().range(), lang, "xlsx"),
                        out -> XlsxExport.write(ReportTables.kpis(report, List.of(Kpi.values()), lang), lang, out))));
    }

    @GetMapping("/monthly.xlsx")
    @Operation(summary = "The supervisor's monthly workbook (summary, agents with tiers, issues, opinions, complaints)")
    public Mono<Void> monthly(Caller caller, @RequestParam MultiValueMap<String, String> params,
                              ServerHttpResponse response) {
        return workbook(caller, only(params, "month"), "month", response);
    }

    @GetMapping("/quarterly.xlsx")
    @Operation(summary = "The supervisor's quarterly workbook, quarter=2026Q4")
    public Mono<Void> quarterly(Caller caller, @RequestParam MultiValueMap<String, String> params,
                                ServerHttpResponse response) {
        return workbook(caller, only(params, "quarter"), "quarter", response);
    }

    @GetMapping("/{report:agents|opinions|complaint-rates|plan-targets}.{format:csv|xlsx}")
    @Operation(summary = "Agent performance, opinions, complaint rates per staff member or plan targets as CSV (UTF-8 "
            + "with BOM) or Excel; same parameters as the JSON report plus lang=zh-CN|en")
    public Mono<Void> table(Caller caller, @PathVariable String report, @PathVariable String format,
                            @RequestParam MultiValueMap<String, String> params, ServerHttpResponse response) {
        Language lang = Language.fromTag(params.getFirst("lang"));
        boolean csv = "csv".equals(format);
        return ReportController.query(caller, params).flatMap(q -> table(report, q, params)
                .flatMap(table -> audited(caller, report, format, lang, q, stream(response, csv ? CSV : XLSX,
                        fileName(table.nameZh(), report, q.range(), lang, format),
                        out -> {
                            if (csv) {
                                CsvExport.write(table, lang, out);
                            } else {
                                XlsxExport.write(table, lang, out);
                            }
                        }))));
    }

    private Mono<ReportTable> table(String report, ReportQuery query, MultiValueMap<String, String> params) {
        return switch (report) {
            case "agents" -> {
                PerformanceReview review = ReportController.review(params);
                yield reports.kpis(query.withGroupBy(List.of(Dimension.AGENT)))
                        .map(r -> ReportTables.agents(review.assessAgents(r)));
            }
            case "opinions" -> reports.opinions(query).map(ReportTables::opinions);
            case "plan-targets" -> plans.targets(query).map(ReportTables::planTargets);
            default -> reports.complaintRates(query.tenantId(), query.range()).map(ReportTables::complaintRates);
        };
    }

    /** The workbook parameters with {@code rangeParam} as the only range form (month= or quarter=). */
    private static MultiValueMap<String, String> only(MultiValueMap<String, String> params, String rangeParam) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        for (String other : List.of("from", "to", "month", "quarter")) {
            if (!other.equals(rangeParam)) {
                p.remove(other);
            }
        }
        return p;
    }

    private Mono<Void> workbook(Caller caller, MultiValueMap<String, String> params, String rangeParam,
                                ServerHttpResponse response) {
        Language lang = Language.fromTag(params.getFirst("lang"));
        if (params.getFirst(rangeParam) == null) {
            return Mono.fromRunnable(() -> ReportParameters.requireReader(caller)).then(Mono.error(
                    ApiProblem.invalidField(rangeParam, "required", "reporting.range.required")));
        }
        return ReportController.query(caller, params)
                .flatMap(q -> plans.supervisor(q, ReportController.review(params), rangeParam.equals("month")
                        ? PlanSampling.Granularity.MONTH : PlanSampling.Granularity.QUARTER))
                .flatMap(report -> audited(caller, rangeParam.equals("month") ? "monthly" : "quarterly", "xlsx", lang,
                        report.query(), stream(response, XLSX, SupervisorWorkbook.fileName(report.query().range(), lang),
                                out -> SupervisorWorkbook.write(report, lang, out))));
    }

    /** Records the export on the audit trail, then runs it. */
    private Mono<Void> audited(Caller caller, String report, String format, Language lang, ReportQuery query,
                               Mono<Void> export) {
        return audit.record(exportAudit(caller, report, format, lang, query)).then(export);
    }

    /**
     * The audit entry of one export: target {@code report/<name>/<range>}, after = the format, language,
     * range, grouping and filters (dimension codes and values: plan, category, agent, team, department,
     * channel ids; no customer data).
     */
    static AuditDraft exportAudit(Caller caller, String report, String format, Language lang, ReportQuery query) {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("format", format);
        after.put("lang", lang.pick("zh-CN", "en"));
        after.put("from", query.range().start().toString());
        after.put("to", query.range().end().toString());
        if (!query.groupBy().isEmpty()) {
            after.put("groupBy", String.join(",", query.groupBy().stream().map(Dimension::code).toList()));
        }
        Map<String, String> filters = new TreeMap<>();
        query.filters().forEach((d, values) -> filters.put("filter." + d.code(), String.join(",", new TreeSet<>(values))));
        after.putAll(filters);
        return AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                .action("report.exported")
                .target("report", report + "/" + query.range().label())
                .after(after)
                .build();
    }

    static String fileName(ReportRange range, Language lang, String extension) {
        return fileName("回访指标", "kpis", range, lang, extension);
    }

    static String fileName(String nameZh, String nameEn, ReportRange range, Language lang, String extension) {
        return lang.pick(nameZh, nameEn) + "-" + range.label().replace("..", "_") + "." + extension;
    }

    /** Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name for Chinese names. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    static Mono<Void> stream(ServerHttpResponse response, MediaType type, String fileName,
                                     Consumer<OutputStream> writer) {
        response.getHeaders().setContentType(type);
        response.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
        return response.writeWith(DataBufferUtils.outputStreamPublisher(writer::accept, response.bufferFactory(),
                Schedulers.boundedElastic()::schedule));
    }
}
