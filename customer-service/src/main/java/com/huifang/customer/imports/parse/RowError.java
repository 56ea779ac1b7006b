package com.huifang.customer.imports.parse;

/**
 * Why one row was rejected.
 *
 * @param rowNumber the row as the spreadsheet numbers it (the header is row 1)
 * @param column    the header of the offending column as written in the file
 * @param code      machine-readable reason ({@code phone-format}, {@code unknown-code}, {@code required}…)
 * @param reason    the reason for a person
 */
public record RowError(long rowNumber, String column, String code, String reason) {
}
