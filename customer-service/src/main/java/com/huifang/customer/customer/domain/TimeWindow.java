package com.huifang.customer.customer.domain;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** Local hours in which a customer prefers to be reached, e.g. 18:00–20:00, in the customer's time zone. */
public record TimeWindow(LocalTime start, LocalTime end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window starts before it ends: " + start + "–" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm} (an en dash or ～ also separates). */
    public static Validated<TimeWindow> validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return Validated.invalid(List.of(new FieldError("", "required", "is required")));
        }
        String[] parts = raw.strip().split("\\s*[-–~～]\\s*");
        try {
            if (parts.length == 2) {
                LocalTime start = LocalTime.parse(parts[0]);
                LocalTime end = LocalTime.parse(parts[1]);
                if (start.isBefore(end)) {
                    return Validated.valid(new TimeWindow(start, end));
                }
                return Validated.invalid(List.of(new FieldError("", "window-order", "must start before it ends")));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        return Validated.invalid(List.of(new FieldError("", "window-format", "must look like 10:00-12:00")));
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
