package com.huifang.reporting.kpi.web;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.reporting.kpi.domain.Dimension;
import com.huifang.reporting.kpi.domain.ReportQuery;
import com.huifang.reporting.kpi.domain.ReportRange;
import com.huifang.reporting.kpi.domain.ReportRequestException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * Reads a report request from query parameters: a range ({@code from}+{@code to}, {@code month=2026-11}
 * or {@code quarter=2026Q4}), {@code groupBy=agent,plan} and {@code filter.<dimension>=a,b}. Every
 * mistake is a 400 problem naming the parameter.
 */
final class ReportParameters {

    static final String FILTER_PREFIX = "filter.";
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    private ReportParameters() {
    }

    static void requireReader(Caller caller) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADERSHIP, Role.AUDITOR)) {
            throw ApiProblem.forbidden("problem.forbidden");
        }
    }

    static ReportRange range(MultiValueMap<String, String> params) {
        String from = params.getFirst("from");
        String to = params.getFirst("to");
        String month = params.getFirst("month");
        String quarter = params.getFirst("quarter");
        int given = (from != null || to != null ? 1 : 0) + (month != null ? 1 : 0) + (quarter != null ? 1 : 0);
        if (given == 0) {
            throw ApiProblem.invalidField("from", "required", "reporting.range.required");
        }
        if (given > 1) {
            throw ApiProblem.invalidField(month != null ? "month" : "quarter", "ambiguous", "reporting.range.ambiguous");
        }
        try {
            if (month != null) {
                return ReportRange.month(parseMonth(month));
            }
            if (quarter != null) {
                Matcher m = QUARTER.matcher(quarter.trim());
                if (!m.matches()) {
                    throw ApiProblem.invalidField("quarter", "format", "reporting.range.bad-quarter", quarter);
                }
                return ReportRange.quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (from == null || to == null) {
                throw ApiProblem.invalidField(from == null ? "from" : "to", "required", "reporting.range.required");
            }
            return ReportRange.of(date("from", from), date("to", to));
        } catch (ReportRequestException e) {
            throw problem(e);
        }
    }

    static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("month", "format", "reporting.range.bad-month", month);
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "format", "reporting.range.bad-date", value);
        }
    }

    static ReportQuery query(String tenant, ReportRange range, MultiValueMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(FILTER_PREFIX)) {
                filters.put(name.substring(FILTER_PREFIX.length()), split(values));
            }
        });
        List<String> groupBy = split(params.getOrDefault("groupBy", List.of()));
        try {
            return ReportQuery.parse(tenant, range, filters, groupBy);
        } catch (ReportRequestException e) {
            throw problem(e);
        }
    }

    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** A domain refusal as a 400 problem on the field it names. */
    static ApiProblem problem(ReportRequestException e) {
        String field = e.field();
        if (field.equals("groupBy") || field.startsWith(FILTER_PREFIX)) {
            String known = Arrays.stream(Dimension.values()).map(Dimension::code).collect(Collectors.joining(", "));
            return ApiProblem.invalidField(field, "unknown-dimension", "reporting.dimension.unknown", known);
        }
        if (field.equals("end") && e.reason().startsWith("must not be before")) {
            return ApiProblem.invalidField("to", "range", "reporting.range.end-before-start");
        }
        if (field.equals("end")) {
            return ApiProblem.invalidField("to", "range", "reporting.range.too-long", ReportRange.DEFAULT_MAX_DAYS);
        }
        return ApiProblem.invalidField(field, "invalid", "reporting.request.invalid", e.reason());
    }
}
