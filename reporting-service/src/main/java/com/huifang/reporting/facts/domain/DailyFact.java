package com.huifang.reporting.facts.domain;

import java.util.Objects;

/** One row of additive counters for a {@link DailyFactKey}. Rows with the same key add up. */
public record DailyFact(DailyFactKey key, Counters counters) {

    public DailyFact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(counters, "counters");
    }
}
