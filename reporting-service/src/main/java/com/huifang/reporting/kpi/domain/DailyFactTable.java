package com.huifang.reporting.kpi.domain;

import com.huifang.reporting.facts.domain.Counters;
import com.huifang.reporting.facts.domain.DailyFact;
import com.huifang.reporting.facts.domain.DailyFactKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily facts held in memory in columns: every dimension value dictionary-encoded to an int, the
 * rows sorted by date (a range is a binary-searched slice) and all counters in one flat
 * {@code long[]}. A report over it allocates nothing per row; this is the form the month report is
 * benchmarked on. Immutable once built; build it again (or keep one per tenant) when facts change.
 */
public final class DailyFactTable {

    private static final int WIDTH = Counters.width();
    private static final Dimension[] DIMS = Dimension.values();

    private final int size;
    private final int[] days;
    private final int[] tenants;
    private final int[][] codes;
    private final long[] counters;
    private final Dictionary tenantDictionary;
    private final Dictionary[] dictionaries;

    /** String ↔ int code of one column. */
    static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int encode(String value) {
            Integer code = codes.get(value);
            if (code == null) {
                code = values.size();
                codes.put(value, code);
                values.add(value);
            }
            return code;
        }

        int codeOf(String value) {
            Integer code = codes.get(value);
            return code == null ? -1 : code;
        }

        String value(int code) {
            return values.get(code);
        }

        int size() {
            return values.size();
        }
    }

    private DailyFactTable(int size) {
        this.size = size;
        this.days = new int[size];
        this.tenants = new int[size];
        this.codes = new int[DIMS.length][size];
        this.counters = new long[size * WIDTH];
        this.tenantDictionary = new Dictionary();
        this.dictionaries = new Dictionary[DIMS.length];
        for (int d = 0; d < DIMS.length; d++) {
            dictionaries[d] = new Dictionary();
        }
    }

    /** Builds the table; rows with the same key may appear more than once (they add up in reports). */
    public static DailyFactTable of(List<DailyFact> facts) {
        Integer[] order = new Integer[facts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> facts.get(a).key().date().compareTo(facts.get(b).key().date()));
        DailyFactTable t = new DailyFactTable(facts.size());
        for (int row = 0; row < order.length; row++) {
            DailyFact f = facts.get(order[row]);
            DailyFactKey k = f.key();
            t.days[row] = (int) k.date().toEpochDay();
            t.tenants[row] = t.tenantDictionary.encode(k.tenantId());
            for (int d = 0; d < DIMS.length; d++) {
                t.codes[d][row] = t.dictionaries[d].encode(DIMS[d].valueOf(k));
            }
            f.counters().copyTo(t.counters, row * WIDTH);
        }
        return t;
    }

    public int size() {
        return size;
    }

    /** The report of a query, equal to {@link KpiCalculator#compute(ReportQuery, Iterable)} over the same facts. */
    public KpiReport report(ReportQuery query) {
        List<Dimension> groupBy = query.groupBy();
        Counters total = new Counters();
        int tenant = tenantDictionary.codeOf(query.tenantId());
        if (tenant < 0) {
            return KpiCalculator.compute(query, List.of());
        }
        int from = lowerBound((int) query.range().start().toEpochDay());
        int to = lowerBound((int) query.range().end().toEpochDay() + 1);

        // filters: per dimension, which codes pass (null: all)
        boolean[][] allowed = new boolean[DIMS.length][];
        for (var f : query.filters().entrySet()) {
            Dictionary dict = dictionaries[f.getKey().ordinal()];
            boolean[] ok = new boolean[dict.size()];
            for (String v : f.getValue()) {
                int c = dict.codeOf(v);
                if (c >= 0) {
                    ok[c] = true;
                }
            }
            allowed[f.getKey().ordinal()] = ok;
        }
        int[] groupDims = groupBy.stream().mapToInt(Dimension::ordinal).toArray();
        long[] radix = new long[groupDims.length];
        long m = 1;
        for (int i = 0; i < groupDims.length; i++) {
            radix[i] = m;
            m *= Math.max(1, dictionaries[groupDims[i]].size());
        }
        LongIntMap slots = new LongIntMap();
        long[] acc = new long[16 * WIDTH];
        long[] tot = new long[WIDTH];

        rows:
        for (int row = from; row < to; row++) {
            if (tenants[row] != tenant) {
                continue;
            }
            for (int d = 0; d < DIMS.length; d++) {
                if (allowed[d] != null && !allowed[d][codes[d][row]]) {
                    continue rows;
                }
            }
            int base = row * WIDTH;
            for (int c = 0; c < WIDTH; c++) {
                tot[c] += counters[base + c];
            }
            if (groupDims.length > 0) {
                long key = 0;
                for (int i = 0; i < groupDims.length; i++) {
                    key += codes[groupDims[i]][row] * radix[i];
                }
                int slot = slots.slotOf(key);
                int at = slot * WIDTH;
                if (at + WIDTH > acc.length) {
                    acc = Arrays.copyOf(acc, acc.length * 2);
                }
                for (int c = 0; c < WIDTH; c++) {
                    acc[at + c] += counters[base + c];
                }
            }
        }
        total.addAll(tot, 0);
        List<KpiRow> rows = new ArrayList<>(slots.size());
        long[] keys = slots.keysBySlot();
        for (int slot = 0; slot < slots.size(); slot++) {
            Map<Dimension, String> group = new java.util.LinkedHashMap<>();
            long key = keys[slot];
            for (int i = groupDims.length - 1; i >= 0; i--) {
                int code = (int) (key / radix[i]);
                key -= code * radix[i];
                group.put(DIMS[groupDims[i]], dictionaries[groupDims[i]].value(code));
            }
            Map<Dimension, String> ordered = new java.util.LinkedHashMap<>();
            for (Dimension d : groupBy) {
                ordered.put(d, group.get(d));
            }
            rows.add(new KpiRow(ordered, new Counters().addAll(acc, slot * WIDTH)));
        }
        rows.sort(KpiCalculator.BY_GROUP_VALUES);
        return new KpiReport(query, List.copyOf(rows), new KpiRow(new java.util.EnumMap<>(Dimension.class), total));
    }

    private int lowerBound(int day) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Open-addressing map from a group code to a dense slot number, without boxing. */
    static final class LongIntMap {
        private long[] keys = new long[64];
        private int[] slots = new int[64];
        private boolean[] used = new boolean[64];
        private long[] bySlot = new long[16];
        private int size;

        int slotOf(long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (used[i]) {
                if (keys[i] == key) {
                    return slots[i];
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = key;
            slots[i] = size;
            if (size == bySlot.length) {
                bySlot = Arrays.copyOf(bySlot, size * 2);
            }
            bySlot[size] = key;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldUsed[j]) {
                    int i = (int) (mix(oldKeys[j]) & mask);
                    while (used[i]) {
                        i = (i + 1) & mask;
                    }
                    used[i] = true;
                    keys[i] = oldKeys[j];
                    slots[i] = oldSlots[j];
                }
            }
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return k;
        }

        int size() {
            return size;
        }

        long[] keysBySlot() {
            return bySlot;
        }
    }
}
