package com.huifang.reporting.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.reporting.facts.domain.Counter;
import com.huifang.reporting.facts.domain.Counters;
import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFactKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The columnar table gives exactly the report the plain calculator gives. */
class DailyFactTableProperties {

    @Property(tries = 200)
    void generatedFactsAndQueriesAgree(@ForAll("facts") List<DailyFact> facts,
                                       @ForAll @IntRange(min = 0, max = 20) int startOffset,
                                       @ForAll @IntRange(min = 0, max = 20) int length,
                                       @ForAll @Size(max = 3) List<Dimension> groupBy,
                                       @ForAll("filters") Map<Dimension, Set<String>> filters) {
        LocalDate start = LocalDate.of(2026, 11, 1).plusDays(startOffset);
        ReportQuery q = new ReportQuery("t1", ReportRange.of(start, start.plusDays(length)), filters, groupBy);
        assertThat(DailyFactTable.of(facts).report(q)).isEqualTo(KpiCalculator.compute(q, facts));
    }

    @Provide
    Arbitrary<List<DailyFact>> facts() {
        Arbitrary<String> v = Arbitraries.of("x", "y", "z");
        Arbitrary<DailyFactKey> key = Combinators.combine(Arbitraries.of("t1", "t2"), Arbitraries.integers().between(0, 40),
                        v, v, v, v, v, v)
                .as((t, day, p, c, a, tm, d, ch) -> new DailyFactKey(t, LocalDate.of(2026, 11, 1).plusDays(day), p, c, a, tm,
                        d, ch));
        Arbitrary<Counters> counters = Arbitraries.longs().between(0, 5).list().ofSize(Counter.values().length)
                .map(values -> {
                    Map<Counter, Long> m = new EnumMap<>(Counter.class);
                    for (Counter c : Counter.values()) {
                        m.put(c, values.get(c.ordinal()));
                    }
                    return Counters.of(m);
                });
        return Combinators.combine(key, counters).as(DailyFact::new).list().ofMaxSize(60).map(ArrayList::new);
    }

    @Provide
    Arbitrary<Map<Dimension, Set<String>>> filters() {
        return Arbitraries.maps(Arbitraries.of(Dimension.class),
                Arbitraries.of("x", "y", "z", "w").set().ofMinSize(1).ofMaxSize(2)).ofMaxSize(2);
    }
}
