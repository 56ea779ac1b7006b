package com.huifang.feedback.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One clock read at an instant.
 *
 * @param due       when the budget runs out; empty while the clock is paused (the due instant moves with the pause)
 * @param elapsed   business time counted so far (pauses excluded), up to the stop if stopped
 * @param remaining budget minus elapsed; negative once breached
 * @param consumed  elapsed / budget (1.0 at the due instant)
 */
public record SlaReading(SlaKind kind, Duration budget, Duration elapsed, Duration remaining, Optional<Instant> due,
                         double consumed, boolean paused, SlaStatus status) {
}
