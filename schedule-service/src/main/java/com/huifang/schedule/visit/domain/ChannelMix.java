package com.huifang.schedule.visit.domain;

/**
 * Home visits and letters are the fallback of last resort: at most 10 % of all visits (insurance
 * rules, seed 004: "上门回访和信函回访的比例原则上不应超过回访总量的百分之十"). The adapter asks before moving a visit to such a rung.
 */
public record ChannelMix(int maxCostlyPercent) {

    public static final ChannelMix INSURANCE = new ChannelMix(10);

    /** Share of home visits and letters, in percent (0 when there is no visit). */
    public static double costlyPercent(long homeVisitsAndLetters, long allVisits) {
        return allVisits == 0 ? 0 : 100.0 * homeVisitsAndLetters / allVisits;
    }

    public boolean withinLimit(long homeVisitsAndLetters, long allVisits) {
        return homeVisitsAndLetters * 100 <= (long) maxCostlyPercent * allVisits;
    }

    /** Whether one more of the visits already counted may become a home visit or letter. */
    public boolean permitsAnother(long homeVisitsAndLetters, long allVisits) {
        return withinLimit(homeVisitsAndLetters + 1, allVisits);
    }
}
