package com.huifang.reporting.export;

/** A column: its header in both languages and the type of its values. */
public record Column(String zh, String en, ColumnType type) {

    public String header(Language language) {
        return language.pick(zh, en);
    }
}
