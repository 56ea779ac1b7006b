package com.huifang.reporting.facts.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** A mutable vector of {@link Counter} values; sums of these are the only thing reports aggregate. */
public final class Counters {

    private final long[] values;

    public Counters() {
        this.values = new long[Counter.ALL.length];
    }

    private Counters(long[] values) {
        this.values = values;
    }

    public static Counters of(Map<Counter, Long> values) {
        Counters c = new Counters();
        values.forEach(c::add);
        return c;
    }

    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    public Counters add(Counter counter, long amount) {
        values[counter.ordinal()] += amount;
        return this;
    }

    public Counters increment(Counter counter) {
        values[counter.ordinal()]++;
        return this;
    }

    /** Adds every counter of {@code other} to this one. */
    public Counters addAll(Counters other) {
        long[] o = other.values;
        for (int i = 0; i < values.length; i++) {
            values[i] += o[i];
        }
        return this;
    }

    /** The number of counters, i.e. the width of one row in a flat {@code long[]} layout. */
    public static int width() {
        return Counter.ALL.length;
    }

    /** Adds one row of a flat layout: {@code values[offset .. offset + width())}. */
    public Counters addAll(long[] flat, int offset) {
        for (int i = 0; i < values.length; i++) {
            values[i] += flat[offset + i];
        }
        return this;
    }

    /** Writes the counters into a flat layout at {@code offset}. */
    public void copyTo(long[] flat, int offset) {
        System.arraycopy(values, 0, flat, offset, values.length);
    }

    /** Subtracts every counter of {@code other} (for the incremental update old → new contribution). */
    public Counters subtractAll(Counters other) {
        long[] o = other.values;
        for (int i = 0; i < values.length; i++) {
            values[i] -= o[i];
        }
        return this;
    }

    public boolean isZero() {
        for (long v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    public Counters copy() {
        return new Counters(values.clone());
    }

    /** Non-zero counters by name, e.g. for a store document. */
    public Map<Counter, Long> asMap() {
        Map<Counter, Long> m = new EnumMap<>(Counter.class);
        for (Counter c : Counter.ALL) {
            if (values[c.ordinal()] != 0) {
                m.put(c, values[c.ordinal()]);
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counters c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
