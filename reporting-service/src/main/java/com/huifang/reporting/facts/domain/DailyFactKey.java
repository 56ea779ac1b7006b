package com.huifang.reporting.facts.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One row of the daily facts: tenant × tenant-local date × plan × category × agent × team × department × channel. */
public record DailyFactKey(String tenantId, LocalDate date, String plan, String category, String agent, String team,
                           String department, String channel) {

    /** Stands for a dimension value that is not known (no assignee yet, agent not in the directory…). */
    public static final String UNKNOWN = "-";

    public DailyFactKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(date, "date");
        plan = VisitFact.orUnknown(plan);
        category = VisitFact.orUnknown(category);
        agent = VisitFact.orUnknown(agent);
        team = VisitFact.orUnknown(team);
        department = VisitFact.orUnknown(department);
        channel = VisitFact.orUnknown(channel);
    }

    public static DailyFactKey unknownDimensions(String tenantId, LocalDate date) {
        return new DailyFactKey(tenantId, date, null, null, null, null, null, null);
    }
}
