package com.huifang.reporting.kpi.domain;

import java.time.LocalDate;

/** One free-text opinion or suggestion (意见建议) given in a survey. */
public record Opinion(LocalDate date, String visitId, String plan, String category, String agent, String channel,
                      Double rating, String npsClass, String comment) {
}
