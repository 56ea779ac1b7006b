package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.Counters;
import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFactKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes a {@link KpiReport} by summing the daily facts that match a query. Stateless. */
public final class KpiCalculator {

    private KpiCalculator() {
    }

    /** Group key: the values of the group-by dimensions in order. */
    private record GroupKey(String[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey g && Arrays.equals(values, g.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    public static KpiReport compute(ReportQuery query, Iterable<DailyFact> facts) {
        Dimension[] groupBy = query.groupBy().toArray(new Dimension[0]);
        Map<Dimension, Set<String>> filters = query.filters();
        Dimension[] filterDims = filters.keySet().toArray(new Dimension[0]);
        @SuppressWarnings("unchecked")
        Set<String>[] filterValues = new Set[filterDims.length];
        for (int i = 0; i < filterDims.length; i++) {
            filterValues[i] = filters.get(filterDims[i]);
        }
        String tenant = query.tenantId();
        ReportRange range = query.range();
        Counters total = new Counters();
        Map<GroupKey, Counters> groups = new HashMap<>();
        Counters single = null;
        GroupKey lastKey = null;
        for (DailyFact f : facts) {
            DailyFactKey k = f.key();
            if (!tenant.equals(k.tenantId()) || !range.contains(k.date())) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < filterDims.length && match; i++) {
                match = filterValues[i].contains(filterDims[i].valueOf(k));
            }
            if (!match) {
                continue;
            }
            total.addAll(f.counters());
            if (groupBy.length > 0) {
                String[] values = new String[groupBy.length];
                for (int i = 0; i < groupBy.length; i++) {
                    values[i] = groupBy[i].valueOf(k);
                }
                GroupKey g = new GroupKey(values);
                if (!g.equals(lastKey)) {
                    single = groups.computeIfAbsent(g, x -> new Counters());
                    lastKey = g;
                }
                single.addAll(f.counters());
            }
        }
        List<KpiRow> rows = new ArrayList<>(groups.size());
        groups.entrySet().stream()
                .sorted(Comparator.comparing(e -> String.join("\u0000", e.getKey().values())))
                .forEach(e -> {
                    Map<Dimension, String> group = new LinkedHashMap<>();
                    for (int i = 0; i < groupBy.length; i++) {
                        group.put(groupBy[i], e.getKey().values()[i]);
                    }
                    rows.add(new KpiRow(group, e.getValue()));
                });
        return new KpiReport(query, List.copyOf(rows), new KpiRow(new EnumMap<>(Dimension.class), total));
    }
}
