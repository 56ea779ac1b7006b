package com.huifang.schedule.plan.domain;

/**
 * An amount of time counted from an anchor; negative amounts count backwards (before a future
 * scheduled date). A null anchor means the event time.
 */
public record Offset(int amount, OffsetUnit unit, Anchor anchor) {

    public Offset {
        if (anchor == null) {
            anchor = Anchor.EVENT;
        }
    }

    public static Offset calendarDays(int amount) {
        return new Offset(amount, OffsetUnit.CALENDAR_DAYS, Anchor.EVENT);
    }

    public static Offset workingDays(int amount) {
        return new Offset(amount, OffsetUnit.WORKING_DAYS, Anchor.EVENT);
    }

    public static Offset hours(int amount) {
        return new Offset(amount, OffsetUnit.HOURS, Anchor.EVENT);
    }

    public Offset from(Anchor newAnchor) {
        return new Offset(amount, unit, newAnchor);
    }

    public String describe() {
        String u = switch (unit) {
            case CALENDAR_DAYS -> "days";
            case WORKING_DAYS -> "working days";
            case HOURS -> "hours";
        };
        return (amount >= 0 ? "+" : "") + amount + " " + u;
    }
}
