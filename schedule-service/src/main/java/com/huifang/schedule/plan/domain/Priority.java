package com.huifang.schedule.plan.domain;

import java.util.List;

/** Priority 1 (highest) to 3: the default level, and rules that raise it. */
public record Priority(int level, List<PriorityRule> rules) {

    public static final int HIGHEST = 1;
    public static final int LOWEST = 3;

    public Priority {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static Priority of(int level) {
        return new Priority(level, List.of());
    }
}
