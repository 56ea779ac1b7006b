package com.huifang.reporting.kpi.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a report covers: one tenant, a date range, filters (dimension → accepted values; a missing
 * dimension accepts all) and the dimensions to group by (none: one total row).
 */
public record ReportQuery(String tenantId, ReportRange range, Map<Dimension, Set<String>> filters,
                          List<Dimension> groupBy) {

    public ReportQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        if (range == null) {
            throw new ReportRequestException("range", "is required");
        }
        Map<Dimension, Set<String>> f = new EnumMap<>(Dimension.class);
        if (filters != null) {
            filters.forEach((d, values) -> {
                if (values != null && !values.isEmpty()) {
                    f.put(d, Set.copyOf(values));
                }
            });
        }
        filters = f.isEmpty() ? Map.of() : Map.copyOf(f);
        groupBy = groupBy == null ? List.of() : List.copyOf(new LinkedHashSet<>(groupBy));
    }

    public static ReportQuery of(String tenantId, ReportRange range) {
        return new ReportQuery(tenantId, range, Map.of(), List.of());
    }

    /**
     * Parses API names: filters as {"agent": ["a1","a2"]}, groupBy as ["team","channel"].
     *
     * @throws ReportRequestException naming "filter.&lt;name&gt;" or "groupBy" for an unknown dimension
     */
    public static ReportQuery parse(String tenantId, ReportRange range, Map<String, ? extends Collection<String>> filters,
                                    List<String> groupBy) {
        Map<Dimension, Set<String>> f = new EnumMap<>(Dimension.class);
        if (filters != null) {
            filters.forEach((name, values) -> f.put(Dimension.parse(name, "filter." + name),
                    values == null ? Set.of() : Set.copyOf(values)));
        }
        List<Dimension> g = new ArrayList<>();
        if (groupBy != null) {
            for (String name : groupBy) {
                g.add(Dimension.parse(name, "groupBy"));
            }
        }
        return new ReportQuery(tenantId, range, f, g);
    }

    public ReportQuery withRange(ReportRange r) {
        return new ReportQuery(tenantId, r, filters, groupBy);
    }

    public ReportQuery withGroupBy(List<Dimension> g) {
        return new ReportQuery(tenantId, range, filters, g);
    }
}
