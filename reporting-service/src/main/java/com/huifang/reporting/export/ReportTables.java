package com.huifang.reporting.export;

import com.huifang.reporting.kpi.domain.ComplaintRates;
import com.huifang.reporting.kpi.domain.Dimension;
import com.huifang.reporting.kpi.domain.IssueLine;
import com.huifang.reporting.kpi.domain.Kpi;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.KpiRow;
import com.huifang.reporting.kpi.domain.KpiUnit;
import com.huifang.reporting.kpi.domain.Opinion;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.PlanTargetResult;
import com.huifang.reporting.kpi.domain.SupervisorReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Turns reports into exportable tables; every report of the API has one here. */
public final class ReportTables {

    private ReportTables() {
    }

    public static ColumnType typeOf(KpiUnit unit) {
        return switch (unit) {
            case COUNT -> ColumnType.INTEGER;
            case PERCENT -> ColumnType.PERCENT;
            case SCORE, POINTS -> ColumnType.DECIMAL;
        };
    }

    /** A KPI report: one column per group-by dimension, one per KPI, a last total row labelled in both languages. */
    public static ReportTable kpis(KpiReport report, List<Kpi> kpis) {
        return kpis(report, kpis, "合计 / Total");
    }

    /** As {@link #kpis(KpiReport, List)} with the total row labelled "合计" or "Total". */
    public static ReportTable kpis(KpiReport report, List<Kpi> kpis, Language language) {
        return kpis(report, kpis, language.pick("合计", "Total"));
    }

    private static ReportTable kpis(KpiReport report, List<Kpi> kpis, String totalLabel) {
        List<Dimension> dims = report.query().groupBy();
        List<Column> columns = new ArrayList<>();
        for (Dimension d : dims) {
            columns.add(new Column(d.nameZh(), d.nameEn(), ColumnType.TEXT));
        }
        for (Kpi k : kpis) {
            columns.add(new Column(k.nameZh(), k.nameEn(), typeOf(k.unit())));
        }
        columns.add(new Column("上门及信函超 10%", "Home visits + letters over 10 %", ColumnType.YES_NO));
        List<KpiRow> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        Function<KpiRow, Object[]> toRow = row -> {
            Object[] out = new Object[columns.size()];
            int i = 0;
            for (Dimension d : dims) {
                boolean isTotal = row == report.total();
                out[i] = isTotal ? (i == 0 ? totalLabel : null) : row.group().get(d);
                i++;
            }
            for (Kpi k : kpis) {
                out[i++] = row.value(k);
            }
            out[i] = row.homeVisitLetterShareOverLimit();
            return out;
        };
        return new ReportTable("回访指标", "KPIs", columns, mapped(rows, toRow));
    }

    public static ReportTable kpis(KpiReport report) {
        return kpis(report, List.of(Kpi.values()));
    }

    /** The summary sheet: period, each KPI with its value and definition, sampling and flags. */
    public static ReportTable summary(SupervisorReport report, Language language) {
        List<Column> columns = List.of(
                new Column("指标", "Figure", ColumnType.TEXT),
                new Column("数值", "Value", ColumnType.DECIMAL),
                new Column("定义", "Definition", ColumnType.TEXT));
        List<Object[]> rows = new ArrayList<>();
        var range = report.query().range();
        rows.add(new Object[] {language.pick("统计期间", "Period"), range.label(),
                range.start() + " – " + range.end()});
        KpiRow total = report.total().total();
        for (Kpi k : Kpi.values()) {
            rows.add(new Object[] {language.pick(k.nameZh(), k.nameEn()), new Cell(total.value(k), typeOf(k.unit())),
                    language.pick(k.definitionZh(), k.definitionEn())});
        }
        rows.add(new Object[] {language.pick("上门及信函超 10%", "Home visits + letters over 10 %"),
                new Cell(total.homeVisitLetterShareOverLimit(), ColumnType.YES_NO),
                language.pick("上门及信函回访占比超过 10% 时为“是”。", "Yes when the share of home visits and letters is above 10 %.")});
        if (!report.sampling().isEmpty()) {
            rows.add(new Object[] {language.pick("抽样达标", "Sampling compliant"),
                    new Cell(report.samplingCompliant(), ColumnType.YES_NO),
                    language.pick("各抽样回访方案均已按排程服务的抽样结果抽样且合规时为“是”(明细见“抽样合规”表)。",
                            "Yes when every sampling plan drew its sample and complied with schedule-service's draw "
                                    + "(see the Sampling sheet).")});
        }
        return new ReportTable("汇总", "Summary", columns, rows::iterator);
    }

    /** Per agent: volume, rates, and tiers below target. */
    public static ReportTable agents(List<PerformanceReview.AgentPerformance> agents) {
        List<Kpi> shown = List.of(Kpi.DUE, Kpi.ATTEMPTED, Kpi.SUCCESSFUL, Kpi.REFUSED, Kpi.CANCELLED, Kpi.FAILED,
                Kpi.ATTEMPTED_RATE, Kpi.SUCCESS_RATE, Kpi.ON_TIME_SUCCESS_RATE, Kpi.CSAT, Kpi.MEAN_RATING, Kpi.ISSUE_RATE);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("回访员", "Agent", ColumnType.TEXT));
        for (Kpi k : shown) {
            columns.add(new Column(k.nameZh(), k.nameEn(), typeOf(k.unit())));
        }
        columns.add(new Column("低于目标档数", "Tiers below target", ColumnType.INTEGER));
        columns.add(new Column("扣分", "Deduction", ColumnType.DECIMAL));
        columns.add(new Column("未达标指标", "Targets missed", ColumnType.TEXT));
        return new ReportTable("回访员绩效", "Agents", columns, mapped(agents, a -> {
            Object[] out = new Object[columns.size()];
            int i = 0;
            out[i++] = a.agent();
            for (Kpi k : shown) {
                out[i++] = a.row().value(k);
            }
            out[i++] = a.tiersBelow();
            out[i++] = a.deduction();
            StringBuilder missed = new StringBuilder();
            for (PerformanceReview.TargetResult t : a.results()) {
                if (t.tiersBelow() > 0) {
                    missed.append(missed.isEmpty() ? "" : "; ").append(t.kpi().code()).append(" −")
                            .append(Math.round(t.shortfall() * 100) / 100.0).append("pt");
                }
            }
            out[i] = missed.toString();
            return out;
        }));
    }

    public static ReportTable issues(Iterable<IssueLine> issues) {
        List<Column> columns = List.of(
                new Column("登记日期", "Raised on", ColumnType.DATE),
                new Column("问题件编号", "Issue", ColumnType.TEXT),
                new Column("回访任务", "Visit", ColumnType.TEXT),
                new Column("类别", "Category", ColumnType.TEXT),
                new Column("严重程度", "Severity", ColumnType.TEXT),
                new Column("处理部门", "Department", ColumnType.TEXT),
                new Column("状态", "Status", ColumnType.TEXT),
                new Column("最高升级级别", "Highest escalation", ColumnType.TEXT),
                new Column("解决日期", "Resolved on", ColumnType.DATE),
                new Column("时效达标", "SLA met", ColumnType.YES_NO),
                new Column("涉及员工", "Staff concerned", ColumnType.TEXT));
        return new ReportTable("问题件", "Issues", columns, mapped(issues, i -> new Object[] {
                i.raisedOn(), i.issueId(), i.visitId(), i.category(), i.severity(), i.department(), i.status(),
                i.highestEscalation(), i.resolvedOn(), i.slaMet(), String.join(",", i.staffIds())}));
    }

    /** Per sampling plan and period: compliance against schedule-service's draw (seed 001). */
    public static ReportTable sampling(Iterable<PlanSampling> sampling) {
        List<Column> columns = List.of(
                new Column("回访方案", "Plan", ColumnType.TEXT),
                new Column("期间", "Period", ColumnType.TEXT),
                new Column("已抽样", "Drawn", ColumnType.YES_NO),
                new Column("服务户数", "Households served", ColumnType.INTEGER),
                new Column("要求抽样比例", "Required ratio", ColumnType.PERCENT),
                new Column("必抽户数", "Mandatory households", ColumnType.INTEGER),
                new Column("要求抽样数", "Required", ColumnType.INTEGER),
                new Column("抽取户数", "Selected", ColumnType.INTEGER),
                new Column("实际回访户数", "Visited", ColumnType.INTEGER),
                new Column("必抽已回访户数", "Mandatory visited", ColumnType.INTEGER),
                new Column("抽样合规", "Compliant", ColumnType.YES_NO));
        return new ReportTable("抽样合规", "Sampling", columns, mapped(sampling, s -> new Object[] {
                s.plan(), s.period(), s.drawn(), s.population(), s.requiredRatio(), s.mandatory(), s.required(),
                s.selected(), s.visited(), s.mandatoryVisited(), s.compliant()}));
    }

    /** Per plan: coverage and success rate against the plan's latest targets. */
    public static ReportTable planTargets(Iterable<PlanTargetResult> results) {
        List<Column> columns = List.of(
                new Column("回访方案", "Plan", ColumnType.TEXT),
                new Column("方案名称", "Plan name", ColumnType.TEXT),
                new Column("方案版本", "Plan version", ColumnType.INTEGER),
                new Column("回访率目标", "Attempted rate target", ColumnType.PERCENT),
                new Column("回访率", "Attempted rate", ColumnType.PERCENT),
                new Column("回访率达标", "Attempted rate met", ColumnType.YES_NO),
                new Column("回访成功率目标", "Success rate target", ColumnType.PERCENT),
                new Column("回访成功率", "Success rate", ColumnType.PERCENT),
                new Column("回访成功率达标", "Success rate met", ColumnType.YES_NO));
        return new ReportTable("方案目标", "Plan targets", columns, mapped(results, r -> new Object[] {
                r.plan(), r.target() == null ? null : r.target().name(), r.target() == null ? null : r.target().version(),
                r.coverage().target(), r.coverage().actual(), r.coverage().met(),
                r.successRate().target(), r.successRate().actual(), r.successRate().met()}));
    }

    public static ReportTable opinions(Iterable<Opinion> opinions) {
        List<Column> columns = List.of(
                new Column("日期", "Date", ColumnType.DATE),
                new Column("回访任务", "Visit", ColumnType.TEXT),
                new Column("回访方案", "Plan", ColumnType.TEXT),
                new Column("客户类别", "Customer category", ColumnType.TEXT),
                new Column("回访员", "Agent", ColumnType.TEXT),
                new Column("渠道", "Channel", ColumnType.TEXT),
                new Column("评分", "Rating", ColumnType.DECIMAL),
                new Column("NPS 类别", "NPS class", ColumnType.TEXT),
                new Column("意见建议", "Opinion or suggestion", ColumnType.TEXT));
        return new ReportTable("意见建议", "Opinions", columns, mapped(opinions, o -> new Object[] {
                o.date(), o.visitId(), o.plan(), o.category(), o.agent(), o.channel(), o.rating(), o.npsClass(),
                o.comment()}));
    }

    public static ReportTable complaintRates(List<ComplaintRates.StaffComplaintRate> rates) {
        List<Column> columns = List.of(
                new Column("员工", "Staff member", ColumnType.TEXT),
                new Column("投诉数", "Complaints", ColumnType.INTEGER),
                new Column("服务客户回访成功量", "Visits done of their customers", ColumnType.INTEGER),
                new Column("投诉率", "Complaint rate", ColumnType.PERCENT));
        return new ReportTable("员工投诉率", "Complaints per staff", columns, mapped(rates, r -> new Object[] {
                r.staffId(), r.complaints(), r.visitsDone(), r.rate()}));
    }

    /** A lazily mapped view: rows are converted as the writer reads them. */
    public static <T> Iterable<Object[]> mapped(Iterable<T> source, Function<? super T, Object[]> f) {
        return () -> new Iterator<>() {
            private final Iterator<T> it = source.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object[] next() {
                return f.apply(it.next());
            }
        };
    }
}
