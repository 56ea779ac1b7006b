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

    /** Rows sorted by their group values, dimension by dimension. */
    static final Comparator<KpiRow> BY_GROUP_VALUES = (a, b) -> {
        var ia = a.group().values().iterator();
        var ib = b.group().values().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = ia.next().compareTo(ib.next());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private KpiCalculator() {
    }

    /** The report over a columnar table (fast path for large in-memory fact sets). */
    public static KpiReport compute(ReportQuery query, DailyFactTable table) {
        return table.report(query);
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
        groups.forEach((key, counters) -> {
            Map<Dimension, String> group = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.length; i++) {
                group.put(groupBy[i], key.values()[i]);
            }
            rows.add(new KpiRow(group, counters));
        });
        rows.sort(BY_GROUP_VALUES);
        return new KpiReport(query, List.copyOf(rows), new KpiRow(new EnumMap<>(Dimension.class), total));
    }
}
