package com.huifang.reporting.audit.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit trail as CSV, one line at a time so an export streams: UTF-8 with a BOM (what Excel
 * needs to read Chinese), RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * (starting with = + - @) prefixed with an apostrophe — an audit export must not execute what an
 * actor typed into a reason.
 */
public final class AuditCsv {

    public static final String BOM = "\uFEFF";
    public static final List<String> HEADER = List.of("at", "service", "actor", "actorRole", "action", "targetType",
            "targetId", "before", "after", "reason", "correlationId", "auditId");

    private AuditCsv() {
    }

    public static String header() {
        return BOM + line(HEADER);
    }

    public static String line(AuditEntry e) {
        return line(List.of(e.at().toString(), nz(e.service()), nz(e.actor()), nz(e.actorRole()), e.action(),
                nz(e.targetType()), nz(e.targetId()), summary(e.before()), summary(e.after()), nz(e.reason()),
                nz(e.correlationId()), e.auditId()));
    }

    static String summary(Map<String, String> values) {
        return values.entrySet().stream().map(x -> x.getKey() + "=" + nz(x.getValue()))
                .collect(Collectors.joining("; "));
    }

    static String line(List<String> cells) {
        return cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
