package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.DailyFactKey;
import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.facts.domain.VisitDimensions;
import com.huifang.reporting.facts.domain.VisitFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customers' opinions and suggestions of a period: every non-blank survey comment whose survey
 * was submitted in the range (tenant-local date), filtered by the query's dimensions.
 */
public final class Opinions {

    private Opinions() {
    }

    public static List<Opinion> of(ReportQuery query, Iterable<VisitFact> visits, DimensionSource source) {
        List<Opinion> out = new ArrayList<>();
        for (VisitFact v : visits) {
            if (!v.tenantId().equals(query.tenantId()) || v.survey() == null || v.comments().isEmpty()) {
                continue;
            }
            Instant at = v.survey().value().submittedAt();
            if (at == null) {
                at = v.survey().occurredAt();
            }
            LocalDate date = at.atZone(source.zoneOf(v.tenantId())).toLocalDate();
            if (!query.range().contains(date)) {
                continue;
            }
            VisitDimensions d = v.dimensions(source);
            if (!matches(query.filters(), d)) {
                continue;
            }
            for (String comment : v.comments()) {
                if (comment != null && !comment.isBlank()) {
                    out.add(new Opinion(date, v.visitId(), d == null ? DailyFactKey.UNKNOWN : d.plan(),
                            d == null ? DailyFactKey.UNKNOWN : d.category(), d == null ? DailyFactKey.UNKNOWN : d.agent(),
                            d == null ? DailyFactKey.UNKNOWN : d.channel(), v.rating(), v.npsClass(), comment.strip()));
                }
            }
        }
        out.sort(Comparator.comparing(Opinion::date).thenComparing(Opinion::visitId).thenComparing(Opinion::comment));
        return out;
    }

    private static boolean matches(Map<Dimension, Set<String>> filters, VisitDimensions d) {
        for (Map.Entry<Dimension, Set<String>> f : filters.entrySet()) {
            String value = d == null ? DailyFactKey.UNKNOWN : switch (f.getKey()) {
                case PLAN -> d.plan();
                case CATEGORY -> d.category();
                case AGENT -> d.agent();
                case TEAM -> d.team();
                case DEPARTMENT -> d.department();
                case CHANNEL -> d.channel();
            };
            if (!f.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
