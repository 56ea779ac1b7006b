package com.huifang.feedback.issue.domain;

/**
 * NORMAL, or MAJOR: a 重大异常问题 of seed 004 (客户回访制度) — strong dissatisfaction, misconduct
 * (signing or acting for the customer, private fees), seriously falsified or missing records. Major
 * issues go straight to leadership.
 */
public enum Severity {
    NORMAL,
    MAJOR;

    /**
     * Severity of an issue raised from a survey: every rating at the lowest mark (mean ≤ 1 of 5) is
     * strong dissatisfaction; anything else, or no rating, is normal until a handler says otherwise.
     */
    public static Severity forSurveyRating(Double meanRating) {
        return meanRating != null && meanRating <= 1.0 ? MAJOR : NORMAL;
    }
}
