package com.huifang.reporting.facts.domain;

import java.time.LocalDate;

/** The tenant-local due date and the six reporting dimensions of one visit. */
public record VisitDimensions(LocalDate dueDate, String plan, String category, String agent, String team,
                              String department, String channel) {

    public DailyFactKey key(String tenantId) {
        return new DailyFactKey(tenantId, dueDate, plan, category, agent, team, department, channel);
    }
}
