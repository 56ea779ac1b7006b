package com.huifang.survey.response.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * "A customer is not surveyed again within a tenant-set number of days unless a plan stage requires it."
 *
 * <p>Days are calendar days in the tenant's time zone: surveyed on 3 March with 7 quiet days, the customer may be
 * surveyed again from 10 March, whatever the hour. A plan stage that requires a visit (e.g. a renovation's
 * completion visit, seed 000: "每个在施工程至少回访3次") is always allowed. 0 quiet days disables the guard.
 */
public record SurveyFrequencyGuard(int quietDays, ZoneId zone) {

    public SurveyFrequencyGuard {
        Objects.requireNonNull(zone, "zone");
        if (quietDays < 0) {
            throw new IllegalArgumentException("quietDays cannot be negative: " + quietDays);
        }
    }

    public FrequencyDecision decide(Optional<Instant> lastSurveyedAt, Instant now, boolean stageRequiresSurvey) {
        if (stageRequiresSurvey) {
            return new FrequencyDecision(true, FrequencyDecision.Reason.PLAN_STAGE_REQUIRES, null);
        }
        if (lastSurveyedAt.isEmpty()) {
            return new FrequencyDecision(true, FrequencyDecision.Reason.NEVER_SURVEYED, null);
        }
        if (quietDays == 0) {
            return new FrequencyDecision(true, FrequencyDecision.Reason.NO_QUIET_PERIOD, null);
        }
        LocalDate allowedFrom = LocalDate.ofInstant(lastSurveyedAt.get(), zone).plusDays(quietDays);
        if (LocalDate.ofInstant(now, zone).isBefore(allowedFrom)) {
            return new FrequencyDecision(false, FrequencyDecision.Reason.WITHIN_QUIET_PERIOD, allowedFrom);
        }
        return new FrequencyDecision(true, FrequencyDecision.Reason.QUIET_PERIOD_OVER, null);
    }

    /**
     * @param allowedFrom when blocked, the first local date the customer may be surveyed again; otherwise null
     */
    public record FrequencyDecision(boolean allowed, Reason reason, LocalDate allowedFrom) {
        public enum Reason { NEVER_SURVEYED, NO_QUIET_PERIOD, QUIET_PERIOD_OVER, PLAN_STAGE_REQUIRES, WITHIN_QUIET_PERIOD }
    }
}
