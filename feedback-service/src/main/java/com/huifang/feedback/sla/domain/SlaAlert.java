package com.huifang.feedback.sla.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Something the escalation policy found due for an issue at a given instant. */
public sealed interface SlaAlert {

    SlaKind clock();

    /** The clock passed the warning threshold and no warning was sent for it yet. */
    record Warning(SlaKind clock, Optional<Instant> due) implements SlaAlert {
        public Warning {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(due, "due");
        }
    }

    /** The issue must go up to {@code level} because {@code clock} passed that level's threshold. */
    record Escalation(EscalationLevel level, SlaKind clock, String reason) implements SlaAlert {
        public Escalation {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
