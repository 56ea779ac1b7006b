package com.huifang.reporting.audit.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One search of a tenant's audit trail (issue 10 §1: supervisors and auditors search by actor,
 * target, action and time). Every filter is optional; the time range is half-open
 * {@code [from, to)}, at most one year long, by default the last 30 days up to now and beyond (an
 * entry stamped by a producer whose clock runs ahead is still found).
 *
 * @param actionPrefix matches the action itself or every action under it: "plan." finds plan.published
 * @param to           exclusive; null: no upper bound
 * @param limit        page size, 1–{@value #MAX_LIMIT}
 * @param after        where this page starts, null for the newest
 */
public record AuditSearch(String tenantId, String actor, String actionPrefix, String targetType, String targetId,
                          String service, Instant from, Instant to, int limit, AuditCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_DAYS = 30;

    /**
     * Reads a search from request parameters. {@code from}/{@code to} are ISO instants
     * (2026-11-01T08:00:00Z) or tenant-local dates (2026-11-01; a date {@code to} includes its whole day).
     *
     * @throws AuditSearchException naming the first parameter at fault
     */
    public static AuditSearch parse(String tenantId, Function<String, String> params, Instant now, ZoneId zone) {
        Instant to = time("to", params.apply("to"), zone, true);
        Instant from = time("from", params.apply("from"), zone, false);
        if (from == null) {
            from = (to == null ? now : to).minusSeconds(DEFAULT_DAYS * 86_400L);
        }
        if (to != null && !to.isAfter(from)) {
            throw new AuditSearchException("to", "end-before-start", "audit.search.end-before-start");
        }
        Instant end = to == null ? now : to;
        if (end.isAfter(from.atZone(zone).plusYears(1).toInstant())) {
            throw new AuditSearchException(to == null ? "from" : "to", "too-long", "audit.search.too-long");
        }
        String targetType = blankToNull(params.apply("targetType"));
        String targetId = blankToNull(params.apply("targetId"));
        if (targetId != null && targetType == null) {
            throw new AuditSearchException("targetType", "required", "audit.search.target-type-required");
        }
        int limit = DEFAULT_LIMIT;
        String l = blankToNull(params.apply("limit"));
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw new AuditSearchException("limit", "format", "audit.search.bad-limit", MAX_LIMIT);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new AuditSearchException("limit", "range", "audit.search.bad-limit", MAX_LIMIT);
            }
        }
        String cursor = blankToNull(params.apply("cursor"));
        for (String field : TEXT_FIELDS) {
            String v = params.apply(field);
            if (v != null && v.codePoints().anyMatch(Character::isISOControl)) {
                // a NUL cannot even be stored in a query's regular expression: say so, do not fail later
                throw new AuditSearchException(field, "format", "audit.search.control-character");
            }
        }
        return new AuditSearch(tenantId, blankToNull(params.apply("actor")), blankToNull(params.apply("action")),
                targetType, targetId, blankToNull(params.apply("service")), from, to, limit,
                cursor == null ? null : AuditCursor.decode(cursor));
    }

    private static final java.util.List<String> TEXT_FIELDS = java.util.List.of("actor", "action", "targetType",
            "targetId", "service");

    private static Instant time(String field, String value, ZoneId zone, boolean endOfDay) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate date = LocalDate.parse(v);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new AuditSearchException(field, "format", "audit.search.bad-time", v);
        } catch (DateTimeException e) {
            throw new AuditSearchException(field, "format", "audit.search.bad-time", v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The same search with no page limit, for a full export. */
    public AuditSearch unpaged() {
        return new AuditSearch(tenantId, actor, actionPrefix, targetType, targetId, service, from, to, Integer.MAX_VALUE,
                null);
    }

    /** The filters as given, for the audit entry of an export ("what was exported"). */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "actor", actor);
        put(out, "action", actionPrefix);
        put(out, "targetType", targetType);
        put(out, "targetId", targetId);
        put(out, "service", service);
        out.put("from", from.toString());
        put(out, "to", to == null ? null : to.toString());
        return out;
    }

    private static void put(Map<String, String> out, String k, String v) {
        if (v != null) {
            out.put(k, v);
        }
    }
}
