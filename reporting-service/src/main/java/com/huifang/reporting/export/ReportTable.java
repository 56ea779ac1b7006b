package com.huifang.reporting.export;

import java.util.List;

/**
 * A table to export: a sheet name, typed columns and rows. Rows are an {@link Iterable} read once,
 * in order, so a caller can stream them from a cursor without holding the range in memory. Each row
 * has one value per column: String, Number, LocalDate, Boolean, {@link Cell} or null (empty).
 */
public record ReportTable(String nameZh, String nameEn, List<Column> columns, Iterable<Object[]> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
    }

    public String name(Language language) {
        return language.pick(nameZh, nameEn);
    }
}
