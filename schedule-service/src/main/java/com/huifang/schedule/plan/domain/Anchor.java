package com.huifang.schedule.plan.domain;

/**
 * What an offset counts from.
 *
 * @param kind           the anchor kind
 * @param attribute      the event attribute holding a date, for ATTRIBUTE and MIDPOINT (end of the span)
 * @param startAttribute for MIDPOINT: the attribute holding the start of the span; null means the event time
 */
public record Anchor(AnchorKind kind, String attribute, String startAttribute) {

    public static final Anchor EVENT = new Anchor(AnchorKind.OCCURRED_AT, null, null);
    public static final Anchor SCHEDULED = new Anchor(AnchorKind.SCHEDULED_AT, null, null);

    public static Anchor attribute(String name) {
        return new Anchor(AnchorKind.ATTRIBUTE, name, null);
    }

    public static Anchor midpoint(String startAttribute, String endAttribute) {
        return new Anchor(AnchorKind.MIDPOINT, endAttribute, startAttribute);
    }

    public String describe() {
        return switch (kind) {
            case OCCURRED_AT -> "event";
            case SCHEDULED_AT -> "scheduled date";
            case ATTRIBUTE -> attribute;
            case MIDPOINT -> "midway " + (startAttribute == null ? "event" : startAttribute) + "→" + attribute;
        };
    }
}
