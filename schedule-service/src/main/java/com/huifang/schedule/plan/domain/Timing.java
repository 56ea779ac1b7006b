package com.huifang.schedule.plan.domain;

/**
 * When a stage's visit falls due, and the earliest time it may be made.
 *
 * @param due      offset of the due time ("one week after discharge" = +7 calendar days)
 * @param earliest optional earlier offset ("5–10 days before the expert's visit" = earliest −10 d,
 *                 due −5 d); null means the visit may be made from its due time
 */
public record Timing(Offset due, Offset earliest) {

    public static Timing at(Offset due) {
        return new Timing(due, null);
    }
}
