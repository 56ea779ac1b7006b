package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import java.time.Instant;

/**
 * What the customer asked for; it wins over the plan.
 *
 * @param preferredHours      the customer's own calling hours; null if none
 * @param requestedCallbackAt a time the customer asked to be called back; null if none
 * @param consent             channels refused, or all contact refused
 */
public record CustomerPreferences(DailyWindows preferredHours, Instant requestedCallbackAt, Consent consent) {

    public static final CustomerPreferences NONE = new CustomerPreferences(null, null, Consent.ANY);

    public CustomerPreferences {
        consent = consent == null ? Consent.ANY : consent;
    }
}
