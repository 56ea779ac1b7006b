package com.huifang.reporting.export;

/** A value whose type differs from its column's (e.g. the value column of a summary sheet). */
public record Cell(Object value, ColumnType type) {
}
