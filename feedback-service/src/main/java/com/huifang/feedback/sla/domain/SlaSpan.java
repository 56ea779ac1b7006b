package com.huifang.feedback.sla.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A target as the regulations state it: in business hours ("answer delivery questions within 2 hours",
 * seed 002) or in working days ("handle suggestions within five working days", seed 004).
 */
public sealed interface SlaSpan {

    static SlaSpan businessHours(long hours) {
        return new BusinessTime(Duration.ofHours(hours));
    }

    static SlaSpan workingDays(int days) {
        return new WorkingDays(days);
    }

    record BusinessTime(Duration duration) implements SlaSpan {
        public BusinessTime {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("an SLA span must be positive: " + duration);
            }
        }
    }

    record WorkingDays(int days) implements SlaSpan {
        public WorkingDays {
            if (days <= 0) {
                throw new IllegalArgumentException("an SLA span must be positive: " + days + " working days");
            }
        }
    }
}
