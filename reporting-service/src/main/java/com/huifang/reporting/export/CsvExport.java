package com.huifang.reporting.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes a table as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled), UTF-8 with a byte-order mark so Excel opens Chinese text
 * correctly. Row by row: memory does not grow with the row count. Numbers are plain ("1234",
 * "4.25"); percentages are written as "95.00%", which Excel reads as the number 0.95. Text starting
 * with =, +, - or @ gets a leading apostrophe so a customer's comment cannot run as a formula.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    /** Writes the table; the stream is flushed, not closed. */
    public static long write(ReportTable table, Language language, OutputStream out) {
        try {
            out.write(BOM);
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            int n = table.columns().size();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    w.write(',');
                }
                writeField(w, table.columns().get(i).header(language));
            }
            w.write("\r\n");
            long rows = 0;
            for (Object[] row : table.rows()) {
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    Object v = i < row.length ? row[i] : null;
                    ColumnType type = table.columns().get(i).type();
                    if (v instanceof Cell c) {
                        v = c.value();
                        type = c.type();
                    }
                    writeField(w, format(v, type, language));
                }
                w.write("\r\n");
                rows++;
            }
            w.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(Object v, ColumnType type, Language language) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number num) {
            double d = num.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            return switch (type) {
                case INTEGER -> Long.toString(num.longValue());
                case PERCENT -> BigDecimal.valueOf(d).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
                case DECIMAL -> BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).toPlainString();
                default -> (num instanceof Long || num instanceof Integer) ? num.toString()
                        : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            };
        }
        if (v instanceof Boolean b) {
            return b ? language.pick("是", "yes") : language.pick("否", "no");
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static void writeField(Writer w, String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            w.write(s);
            return;
        }
        w.write('"');
        w.write(s.replace("\"", "\"\""));
        w.write('"');
    }
}
