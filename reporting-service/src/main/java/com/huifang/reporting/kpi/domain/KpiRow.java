package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.Counters;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of a report: the group's dimension values (empty for the total) and its summed counters.
 */
public record KpiRow(Map<Dimension, String> group, Counters counters) {

    public Double value(Kpi kpi) {
        return kpi.valueOf(counters);
    }

    public Map<Kpi, Double> values() {
        Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
        for (Kpi k : Kpi.values()) {
            m.put(k, k.valueOf(counters));
        }
        return m;
    }

    /** The share of home visits and letters is above the 10 % limit (seed 004). */
    public boolean homeVisitLetterShareOverLimit() {
        Double share = value(Kpi.HOME_VISIT_LETTER_SHARE);
        return share != null && share > Kpi.HOME_VISIT_LETTER_LIMIT;
    }
}
