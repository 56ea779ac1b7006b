package com.huifang.reporting.facts.domain;

/** Where an agent sits in the tenant's organisation: team and department. No event carries this. */
public record Placement(String team, String department) {

    public static final Placement UNKNOWN = new Placement(DailyFactKey.UNKNOWN, DailyFactKey.UNKNOWN);
}
