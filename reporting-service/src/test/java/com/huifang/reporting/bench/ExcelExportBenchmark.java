package com.huifang.reporting.bench;

import com.huifang.reporting.export.Column;
import com.huifang.reporting.export.ColumnType;
import com.huifang.reporting.export.CsvExport;
import com.huifang.reporting.export.Language;
import com.huifang.reporting.export.ReportTable;
import com.huifang.reporting.export.XlsxExport;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Export rate in rows per second: 100 000 rows of 10 columns (3 text, a date, 3 counts, 3
 * percentages) streamed to a discarding stream. One operation = one row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExcelExportBenchmark {

    private static final int ROWS = 100_000;

    private static final List<Column> COLUMNS = List.of(
            new Column("日期", "Date", ColumnType.DATE),
            new Column("回访员", "Agent", ColumnType.TEXT),
            new Column("回访方案", "Plan", ColumnType.TEXT),
            new Column("渠道", "Channel", ColumnType.TEXT),
            new Column("应访量", "Due", ColumnType.INTEGER),
            new Column("回访成功量", "Successful", ColumnType.INTEGER),
            new Column("问卷数", "Surveys", ColumnType.INTEGER),
            new Column("回访率", "Attempted rate", ColumnType.PERCENT),
            new Column("回访成功率", "Success rate", ColumnType.PERCENT),
            new Column("满意度", "CSAT", ColumnType.PERCENT));

    private static ReportTable table() {
        LocalDate start = LocalDate.of(2026, 11, 1);
        Iterable<Object[]> rows = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < ROWS;
            }

            @Override
            public Object[] next() {
                int n = i++;
                return new Object[] {start.plusDays(n % 30), "agent-" + (n % 200), "plan-" + (n % 10), "PHONE",
                        (long) (n % 97), (long) (n % 89), (long) (n % 53), (n % 100) / 100.0, (n % 91) / 91.0,
                        (n % 7) / 7.0};
            }
        };
        return new ReportTable("明细", "Detail", COLUMNS, rows);
    }

    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long xlsxRows() {
        return XlsxExport.write(table(), Language.ZH_CN, DISCARD);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long csvRows() {
        return CsvExport.write(table(), Language.ZH_CN, DISCARD);
    }
}
