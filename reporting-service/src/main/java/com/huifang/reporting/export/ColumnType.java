package com.huifang.reporting.export;

/** How a column's values are written: numbers stay numbers, percentages are fractions with a % format. */
public enum ColumnType {
    TEXT(null),
    INTEGER("0"),
    DECIMAL("0.00"),
    /** A fraction 0–1 (0.95), shown as 95.00 %. */
    PERCENT("0.00%"),
    DATE("yyyy-mm-dd"),
    /** Written as 是/否 or yes/no. */
    YES_NO(null);

    private final String excelFormat;

    ColumnType(String excelFormat) {
        this.excelFormat = excelFormat;
    }

    /** The Excel number format, null for text. */
    public String excelFormat() {
        return excelFormat;
    }
}
