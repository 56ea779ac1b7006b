package com.huifang.survey.response.domain;

/** Net Promoter class of a 0–10 answer. */
public enum NpsClass {
    /** 0–6 */
    DETRACTOR,
    /** 7–8 */
    PASSIVE,
    /** 9–10 */
    PROMOTER;

    public static NpsClass of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS answer is 0–10, not " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
