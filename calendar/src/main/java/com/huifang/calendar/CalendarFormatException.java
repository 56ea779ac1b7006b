package com.huifang.calendar;

/**
 * A calendar definition (uploaded YAML or builder input) is invalid: overlapping holiday ranges, a
 * range whose {@code from} is after its {@code to}, a make-up working day that is not on a weekly
 * rest day, an unparseable date... The message names the offending entry, e.g.
 * {@code years.2025.holidays[3]: from 2025-05-05 is after to 2025-05-01}.
 */
public final class CalendarFormatException extends IllegalArgumentException {

    public CalendarFormatException(String message) {
        super(message);
    }

    public CalendarFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
