package com.huifang.survey.response.domain;

import java.util.Collection;

/**
 * Satisfaction figures over many responses, for reports.
 *
 * @param responses   responses counted
 * @param csatCounted responses with a CSAT class (at least one rating)
 * @param satisfied   of those, satisfied ones
 * @param csatShare   satisfied / csatCounted, 0–1; null when none counted
 * @param meanRating  mean of the responses' mean ratings (each response weighs the same); null when none
 * @param promoters   NPS 9–10
 * @param passives    NPS 7–8
 * @param detractors  NPS 0–6
 * @param nps         % promoters − % detractors, −100…100; null when no NPS answer
 * @param raisingIssue responses that raised an issue
 */
public record ScoreSummary(
        int responses,
        int csatCounted,
        int satisfied,
        Double csatShare,
        Double meanRating,
        int promoters,
        int passives,
        int detractors,
        Double nps,
        int raisingIssue) {

    public static ScoreSummary of(Collection<Scores> scores) {
        int csatCounted = 0;
        int satisfied = 0;
        int rated = 0;
        double ratingSum = 0;
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        int issues = 0;
        for (Scores s : scores) {
            if (s.satisfied() != null) {
                csatCounted++;
                satisfied += s.satisfied() ? 1 : 0;
            }
            if (s.meanRating() != null) {
                rated++;
                ratingSum += s.meanRating();
            }
            if (s.npsClass() != null) {
                switch (s.npsClass()) {
                    case PROMOTER -> promoters++;
                    case PASSIVE -> passives++;
                    case DETRACTOR -> detractors++;
                }
            }
            issues += s.raisesIssue() ? 1 : 0;
        }
        int npsCounted = promoters + passives + detractors;
        return new ScoreSummary(
                scores.size(),
                csatCounted,
                satisfied,
                csatCounted == 0 ? null : (double) satisfied / csatCounted,
                rated == 0 ? null : ratingSum / rated,
                promoters,
                passives,
                detractors,
                npsCounted == 0 ? null : 100.0 * (promoters - detractors) / npsCounted,
                issues);
    }
}
