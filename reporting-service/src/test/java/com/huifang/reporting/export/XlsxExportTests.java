package com.huifang.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.reporting.facts.domain.NovemberFixture;
import com.huifang.reporting.facts.domain.ReportingProjection;
import com.huifang.reporting.kpi.domain.ComplaintRates;
import com.huifang.reporting.kpi.domain.IssueLine;
import com.huifang.reporting.kpi.domain.KpiCalculator;
import com.huifang.reporting.kpi.domain.KpiReport;
import com.huifang.reporting.kpi.domain.Opinions;
import com.huifang.reporting.kpi.domain.PerformanceReview;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.PlanSampling;
import com.huifang.reporting.kpi.domain.SampleDraw;
import com.huifang.reporting.kpi.domain.PlanTarget;
import java.time.Instant;
import com.huifang.reporting.kpi.domain.SupervisorReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** Exports read back with fastexcel-reader: headers, numeric cells and their formats. */
class XlsxExportTests {

    private static List<Row> rows(byte[] xlsx, String sheet) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Sheet s = wb.findSheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet));
            return s.read();
        }
    }

    private static List<String> sheetNames(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getSheets().map(Sheet::getName).collect(Collectors.toList());
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? null : c.getText()).collect(Collectors.toList());
    }

    private static KpiReport novemberByAgent(ReportingProjection p) {
        return KpiCalculator.compute(ReportQuery.parse("t1", ReportRange.month(YearMonth.of(2026, 11)), Map.of(),
                List.of("agent")), p.dailyFacts().facts());
    }

    @Test
    void kpiTableHasTypedCellsAndPercentFormat() throws IOException {
        ReportingProjection p = NovemberFixture.project(NovemberFixture.events());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = XlsxExport.write(ReportTables.kpis(novemberByAgent(p)), Language.ZH_CN, out);
        assertThat(written).isEqualTo(4); // "-", a1, a2, total

        List<Row> rows = rows(out.toByteArray(), "回访指标");
        assertThat(texts(rows.get(0))).startsWith("回访员", "应访量", "已回访量", "回访成功量");
        List<String> header = texts(rows.get(0));
        int successRate = header.indexOf("回访成功率");
        int due = header.indexOf("应访量");
        int meanRating = header.indexOf("平均评分");

        Row a1 = rows.get(2);
        assertThat(a1.getCell(0).asString()).isEqualTo("a1");
        Cell a1Due = a1.getCell(due);
        assertThat(a1Due.getType()).isEqualTo(CellType.NUMBER);
        assertThat(a1Due.asNumber()).isEqualByComparingTo("4");
        Cell a1Success = a1.getCell(successRate);
        assertThat(a1Success.getType()).isEqualTo(CellType.NUMBER);
        assertThat(a1Success.asNumber()).isEqualByComparingTo("1");
        assertThat(a1Success.getDataFormatString()).isEqualTo("0.00%");

        Row total = rows.get(4);
        assertThat(total.getCell(0).asString()).isEqualTo("合计 / Total");
        assertThat(total.getCell(successRate).asNumber()).isEqualByComparingTo("0.5");
        assertThat(total.getCell(meanRating).asNumber().doubleValue()).isCloseTo(12.5 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(total.getCell(meanRating).getDataFormatString()).isEqualTo("0.00");
        // the "-" row has no success rate: an empty cell, not NaN or 0
        Row unknown = rows.get(1);
        assertThat(unknown.getCellAsString(successRate)).isEmpty();
    }

    @Test
    void englishHeaders() throws IOException {
        ReportingProjection p = NovemberFixture.project(NovemberFixture.events());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(ReportTables.kpis(novemberByAgent(p), List.of(com.huifang.reporting.kpi.domain.Kpi.values()),
                Language.EN), Language.EN, out);
        List<Row> rows = rows(out.toByteArray(), "KPIs");
        assertThat(texts(rows.get(0))).startsWith("Agent", "Visits due", "Visits attempted");
        assertThat(rows.get(4).getCell(0).asString()).isEqualTo("Total");
    }

    @Test
    void monthlySupervisorWorkbook() throws IOException {
        ReportingProjection p = NovemberFixture.project(NovemberFixture.events());
        ReportRange november = ReportRange.month(YearMonth.of(2026, 11));
        ReportQuery q = ReportQuery.of("t1", november);
        var daily = p.dailyFacts();
        SupervisorReport report = SupervisorReport.build(q, daily.facts(), PerformanceReview.SEED_000,
                ComplaintRates.compute("t1", november, daily.staffFacts()),
                // P1 drew November: 20 households → 30 % → 6 required; 3 visited
                List.of(PlanSampling.of("P1", november, List.of(new PlanSampling.Unit(new SampleDraw("t1", "P1", "2026-11",
                        20, 30, 6, 0, 6, Instant.parse("2026-12-01T01:00:00Z")), 20, 3, 0)))),
                List.of(new PlanTarget("t1", "P1", 2, "出院回访", 1.0, 0.4, false, Instant.parse("2026-10-01T00:00:00Z"))),
                IssueLine.of("t1", november, p.issueFacts(), p), Opinions.of(q, p.visitFacts(), p));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SupervisorWorkbook.write(report, Language.ZH_CN, out);
        byte[] xlsx = out.toByteArray();

        assertThat(sheetNames(xlsx)).containsExactly("汇总", "回访员绩效", "方案目标", "抽样合规", "问题件", "意见建议",
                "员工投诉率");
        assertThat(SupervisorWorkbook.fileName(november, Language.ZH_CN)).isEqualTo("回访月报-2026-11.xlsx");
        assertThat(SupervisorWorkbook.fileName(ReportRange.quarter(2026, 4), Language.EN))
                .isEqualTo("quarterly-report-2026-Q4.xlsx");

        List<Row> summary = rows(xlsx, "汇总");
        assertThat(summary.get(1).getCellAsString(1)).contains("2026-11");
        Row success = summary.stream().filter(r -> "回访成功率".equals(r.getCellAsString(0).orElse(null)))
                .findFirst().orElseThrow();
        assertThat(success.getCell(1).asNumber()).isEqualByComparingTo("0.5");
        assertThat(success.getCell(1).getDataFormatString()).isEqualTo("0.00%");
        assertThat(success.getCellAsString(2).orElseThrow()).contains("应访量 − 客户拒访量 − 回访前撤销量");
        Row due = summary.stream().filter(r -> "应访量".equals(r.getCellAsString(0).orElse(null))).findFirst().orElseThrow();
        assertThat(due.getCell(1).asNumber()).isEqualByComparingTo("8");
        assertThat(due.getCell(1).getDataFormatString()).isEqualTo("0");
        Row compliant = summary.stream().filter(r -> "抽样达标".equals(r.getCellAsString(0).orElse(null)))
                .findFirst().orElseThrow();
        assertThat(compliant.getCellAsString(1)).contains("否"); // 20 served → 30 % → 6 required, 3 done

        List<Row> sampling = rows(xlsx, "抽样合规");
        assertThat(texts(sampling.get(0))).containsExactly("回访方案", "期间", "已抽样", "服务户数", "要求抽样比例", "必抽户数",
                "要求抽样数", "抽取户数", "实际回访户数", "必抽已回访户数", "抽样合规");
        assertThat(sampling.get(1).getCellAsString(0)).contains("P1");
        assertThat(sampling.get(1).getCellAsString(2)).contains("是");
        assertThat(sampling.get(1).getCell(3).asNumber()).isEqualByComparingTo("20");
        assertThat(sampling.get(1).getCell(4).asNumber()).isEqualByComparingTo("0.3");
        assertThat(sampling.get(1).getCell(4).getDataFormatString()).isEqualTo("0.00%");
        assertThat(sampling.get(1).getCell(6).asNumber()).isEqualByComparingTo("6");
        assertThat(sampling.get(1).getCell(8).asNumber()).isEqualByComparingTo("3");
        assertThat(sampling.get(1).getCellAsString(10)).contains("否");
        // the fixture's plan P1 in November: attempted 6 of 8 (75 % < 100 %), success 50 % ≥ 40 %
        List<Row> targets = rows(xlsx, "方案目标");
        assertThat(targets).hasSize(2);
        assertThat(targets.get(1).getCellAsString(1)).contains("出院回访");
        assertThat(targets.get(1).getCell(4).asNumber()).isEqualByComparingTo("0.75");
        assertThat(targets.get(1).getCellAsString(5)).contains("否");
        assertThat(targets.get(1).getCell(7).asNumber()).isEqualByComparingTo("0.5");
        assertThat(targets.get(1).getCellAsString(8)).contains("是");

        List<Row> agents = rows(xlsx, "回访员绩效");
        assertThat(agents).hasSize(4); // header, "-", a1, a2
        List<String> header = texts(agents.get(0));
        Row a2 = agents.get(3);
        assertThat(a2.getCellAsString(0)).contains("a2");
        assertThat(a2.getCell(header.indexOf("低于目标档数")).asNumber()).isEqualByComparingTo("18");

        List<Row> issues = rows(xlsx, "问题件");
        assertThat(issues).hasSize(4);
        Cell raisedOn = issues.get(1).getCell(0);
        assertThat(raisedOn.getType()).isEqualTo(CellType.NUMBER);
        assertThat(raisedOn.asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(raisedOn.getDataFormatString()).isEqualTo("yyyy-mm-dd");

        List<Row> opinions = rows(xlsx, "意见建议");
        assertThat(opinions).extracting(r -> r.getCellAsString(8).orElse(null))
                .containsExactly("意见建议", "护士很耐心", "建议增加周末回访");
    }

    @Test
    void quarterlySupervisorWorkbookInEnglish() throws IOException {
        ReportingProjection p = NovemberFixture.project(NovemberFixture.events());
        ReportRange q4 = ReportRange.quarter(2026, 4);
        ReportQuery q = ReportQuery.of("t1", q4);
        var daily = p.dailyFacts();
        SupervisorReport report = SupervisorReport.build(q, daily.facts(), PerformanceReview.SEED_000,
                ComplaintRates.compute("t1", q4, daily.staffFacts()), List.of(), List.of(),
                IssueLine.of("t1", q4, p.issueFacts(), p), Opinions.of(q, p.visitFacts(), p));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SupervisorWorkbook.write(report, Language.EN, out);
        byte[] xlsx = out.toByteArray();

        assertThat(sheetNames(xlsx)).containsExactly("Summary", "Agents", "Issues", "Opinions", "Complaints per staff");
        List<Row> summary = rows(xlsx, "Summary");
        assertThat(texts(summary.get(0))).containsExactly("Figure", "Value", "Definition");
        assertThat(summary.get(1).getCellAsString(1)).contains("2026-Q4");
        // the quarter adds v9, due 2026-12-01 local and successful: 9 due, 4 successful
        Row due = summary.stream().filter(r -> "Visits due".equals(r.getCellAsString(0).orElse(null))).findFirst()
                .orElseThrow();
        assertThat(due.getCell(1).asNumber()).isEqualByComparingTo("9");
        Row success = summary.stream().filter(r -> "Successful visits".equals(r.getCellAsString(0).orElse(null)))
                .findFirst().orElseThrow();
        assertThat(success.getCell(1).asNumber()).isEqualByComparingTo("4");
        // no served count given: no sampling lines
        assertThat(summary).noneMatch(r -> "Sampling compliant".equals(r.getCellAsString(0).orElse(null)));
    }

    @Test
    void csvOfTheSameKpiTableReadsBack() {
        ReportingProjection p = NovemberFixture.project(NovemberFixture.events());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(ReportTables.kpis(novemberByAgent(p)), Language.EN, out);
        String[] lines = new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("Agent,Visits due,Visits attempted,Successful visits,");
        assertThat(lines[2]).startsWith("a1,4,3,2,1,1,0,75.00%,100.00%,");
        assertThat(lines[4]).startsWith("合计 / Total,8,6,3,1,1,1,75.00%,50.00%,25.00%,33.33%,3,66.67%,4.17,0.00,66.67%,3,66.67%,50.00%,yes");
    }

    @Test
    void streamsManyRowsWithoutHoldingThem() throws IOException {
        int n = 200_000;
        Iterable<Object[]> generated = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object[] next() {
                i++;
                return new Object[] {"agent-" + (i % 50), (long) i, (i % 100) / 100.0};
            }
        };
        ReportTable table = new ReportTable("大表", "Big", List.of(
                new Column("回访员", "Agent", ColumnType.TEXT),
                new Column("序号", "No", ColumnType.INTEGER),
                new Column("比率", "Rate", ColumnType.PERCENT)), generated);
        CountingStream out = new CountingStream();
        assertThat(XlsxExport.write(table, Language.EN, out)).isEqualTo(n);
        assertThat(out.count).isGreaterThan(100_000);
    }

    @Test
    void sheetNamesAreMadeValidAndUnique() {
        var used = new java.util.HashSet<String>();
        assertThat(XlsxExport.uniqueSheetName("a/b:c", used)).isEqualTo("a_b_c");
        assertThat(XlsxExport.uniqueSheetName("A/B:C", used)).isEqualTo("A_B_C 2");
        assertThat(XlsxExport.uniqueSheetName("x".repeat(40), used)).hasSize(31);
    }

    /** Discards the bytes, counts them: nothing of the workbook is kept by the test either. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    @SuppressWarnings("unused")
    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
