package com.huifang.reporting.kpi.domain;

/** A report request the domain refuses, naming the offending field (the web adapter answers 400). */
public class ReportRequestException extends RuntimeException {

    private final String field;

    public ReportRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
