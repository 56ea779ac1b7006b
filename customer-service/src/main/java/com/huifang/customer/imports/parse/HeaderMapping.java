package com.huifang.customer.imports.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which cell index holds which column, read from the first row. A file needs a name column and
 * a phone or e-mail column; a column named twice is an error.
 */
public final class HeaderMapping {

    private final Map<ImportColumn, Integer> index;
    private final Map<ImportColumn, String> headers;
    private final List<String> ignored;

    private HeaderMapping(Map<ImportColumn, Integer> index, Map<ImportColumn, String> headers, List<String> ignored) {
        this.index = index;
        this.headers = headers;
        this.ignored = ignored;
    }

    public static HeaderMapping of(List<String> headerCells) {
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String cell = headerCells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            Optional<ImportColumn> column = ImportColumn.forHeader(cell);
            if (column.isEmpty()) {
                ignored.add(cell.strip());
            } else if (index.putIfAbsent(column.get(), i) != null) {
                throw new ImportFileException("column " + column.get() + " appears twice: "
                        + headers.get(column.get()) + " and " + cell.strip());
            } else {
                headers.put(column.get(), cell.strip().replace("\uFEFF", ""));
            }
        }
        if (!index.containsKey(ImportColumn.NAME)) {
            throw new ImportFileException("the first row needs a name column (姓名 / name)");
        }
        if (!index.containsKey(ImportColumn.PHONE) && !index.containsKey(ImportColumn.OTHER_PHONE)
                && !index.containsKey(ImportColumn.EMAIL)) {
            throw new ImportFileException("the first row needs a phone or e-mail column (手机 / phone, 电话, 邮箱 / email)");
        }
        return new HeaderMapping(Collections.unmodifiableMap(index), Collections.unmodifiableMap(headers), List.copyOf(ignored));
    }

    public boolean has(ImportColumn column) {
        return index.containsKey(column);
    }

    /** The trimmed cell of {@code column} in {@code cells}, or null when absent or blank. */
    public String cell(List<String> cells, ImportColumn column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return null;
        }
        String v = cells.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** The column's header as written in the file (for row errors), or the column name. */
    public String header(ImportColumn column) {
        return headers.getOrDefault(column, column.name());
    }

    public Map<ImportColumn, String> columns() {
        return headers;
    }

    public List<String> ignored() {
        return ignored;
    }
}
