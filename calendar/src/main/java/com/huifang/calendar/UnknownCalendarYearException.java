package com.huifang.calendar;

/**
 * A computation reached a date in a year the calendar has no data for.
 *
 * <p>Holidays and make-up working days (调休) are published year by year by the State Council, so a
 * year that has not been loaded cannot be guessed from weekdays alone: callers report this (metric +
 * problem response) and an admin uploads the year (ARCHITECTURE.md, "Time and calendars").
 */
public final class UnknownCalendarYearException extends RuntimeException {

    private final int year;

    public UnknownCalendarYearException(int year) {
        super("The working calendar has no data for year " + year + "; upload that year's holidays first");
        this.year = year;
    }

    /** The year the calendar does not know. */
    public int year() {
        return year;
    }
}
