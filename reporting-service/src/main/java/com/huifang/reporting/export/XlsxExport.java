package com.huifang.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables as an .xlsx workbook, one sheet per table, streamed with fastexcel: rows are flushed
 * to the output every {@value #FLUSH_EVERY} rows, so memory stays flat however many rows there are.
 * Header row bold and frozen; numbers are numeric cells, percentages numeric fractions with a
 * "0.00%" format, dates real dates.
 */
public final class XlsxExport {

    static final int FLUSH_EVERY = 1_000;
    /** Excel's limit per sheet; the rest of a larger table is cut with a note row (use CSV for more). */
    static final int MAX_ROWS = 1_048_576;

    private XlsxExport() {
    }

    /** Writes a one-sheet workbook; returns the data rows written. The stream is not closed. */
    public static long write(ReportTable table, Language language, OutputStream out) {
        return write(List.of(table), language, out);
    }

    /** Writes the workbook; returns the data rows written over all sheets. The stream is not closed. */
    public static long write(List<ReportTable> tables, Language language, OutputStream out) {
        try {
            Workbook wb = new Workbook(new NonClosing(out), "Huifang", "1.0");
            long total = 0;
            Set<String> names = new HashSet<>();
            for (ReportTable table : tables) {
                total += writeSheet(wb.newWorksheet(uniqueSheetName(table.name(language), names)), table, language);
            }
            wb.finish();
            out.flush();
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long writeSheet(Worksheet ws, ReportTable table, Language language) throws IOException {
        List<Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).header(language));
            ws.style(0, c).bold().set();
            ws.width(c, columns.get(c).type() == ColumnType.TEXT ? 24 : 14);
        }
        ws.freezePane(0, 1);
        int r = 1;
        long rows = 0;
        Iterator<Object[]> it = table.rows().iterator();
        while (it.hasNext()) {
            if (r == MAX_ROWS - 1) {
                ws.value(r, 0, language.pick("(行数超出 Excel 上限,请使用 CSV 导出)",
                        "(more rows than Excel allows: use the CSV export)"));
                break;
            }
            Object[] row = it.next();
            for (int c = 0; c < columns.size(); c++) {
                Object v = c < row.length ? row[c] : null;
                ColumnType type = columns.get(c).type();
                if (v instanceof Cell cell) {
                    v = cell.value();
                    type = cell.type();
                }
                writeCell(ws, r, c, v, type, language);
            }
            r++;
            rows++;
            if (r % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
        ws.finish();
        return rows;
    }

    private static void writeCell(Worksheet ws, int r, int c, Object v, ColumnType type, Language language) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return;
            }
            ws.value(r, c, n);
            String format = type.excelFormat();
            if (format != null && type != ColumnType.DATE) {
                ws.style(r, c).format(format).set();
            }
        } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format(ColumnType.DATE.excelFormat()).set();
        } else if (v instanceof Boolean b) {
            ws.value(r, c, b ? language.pick("是", "yes") : language.pick("否", "no"));
        } else {
            ws.value(r, c, v.toString());
        }
    }

    static String uniqueSheetName(String name, Set<String> used) {
        String base = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        if (base.length() > 31) {
            base = base.substring(0, 31);
        }
        String candidate = base;
        for (int i = 2; !used.add(candidate.toLowerCase()); i++) {
            String suffix = " " + i;
            candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** fastexcel closes its stream on finish; the caller owns ours (e.g. a response body). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
