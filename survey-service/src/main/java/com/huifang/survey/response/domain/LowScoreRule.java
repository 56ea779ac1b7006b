package com.huifang.survey.response.domain;

/**
 * When a score is low enough to raise an issue on its own.
 *
 * <p>Default (chosen for Huifang): any single 1–5 rating at or below 2 ("不满意"/"很不满意"), or an NPS answer at or
 * below 6 (a detractor, the product's own definition of an unhappy customer). A single low rating counts even
 * when the others are high: averaging would hide a complaint about one aspect (e.g. the nurses) behind praise of
 * another. A 3 is neutral and raises nothing by itself.
 */
public record LowScoreRule(int ratingAtMost, int npsAtMost) {

    public static final LowScoreRule DEFAULT = new LowScoreRule(2, 6);

    public LowScoreRule {
        if (ratingAtMost < 0 || ratingAtMost > 4) {
            throw new IllegalArgumentException("ratingAtMost must be 0–4 (0 = ratings never raise an issue)");
        }
        if (npsAtMost < -1 || npsAtMost > 9) {
            throw new IllegalArgumentException("npsAtMost must be -1–9 (-1 = NPS never raises an issue)");
        }
    }

    public boolean lowRating(int rating) {
        return rating <= ratingAtMost;
    }

    public boolean lowNps(int nps) {
        return nps <= npsAtMost;
    }
}
