package com.huifang.survey.response.domain;

import com.huifang.survey.response.domain.Answer.NumberAnswer;
import com.huifang.survey.response.domain.Answer.OptionAnswer;
import com.huifang.survey.response.domain.Answer.OptionsAnswer;
import com.huifang.survey.response.domain.Answer.TextAnswer;
import com.huifang.survey.response.domain.Answer.YesNoAnswer;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scores of one response, as {@code SurveySubmitted} carries them.
 *
 * @param meanRating         mean of the 1–5 rating answers; null when none was answered
 * @param satisfied          CSAT class: the CSAT question's rating (or, without one, the mean rating) is 4 or more;
 *                           null when no rating was answered
 * @param nps                the first NPS question's answer, in template order; null when none
 * @param npsClass           its class; null when none
 * @param problemQuestionIds questions whose answer carries the "problem" mark, in template order
 * @param flagged            the agent flagged the response
 * @param flagNote           the flag's note; null when not flagged
 * @param comments           the free-text answers, trimmed, in template order
 * @param lowScore           a rating or NPS answer at or below the {@link LowScoreRule}
 * @param raisesIssue        low score, problem answer or flag: an issue must be raised
 */
public record Scores(
        Double meanRating,
        Boolean satisfied,
        Integer nps,
        NpsClass npsClass,
        List<String> problemQuestionIds,
        boolean flagged,
        String flagNote,
        List<String> comments,
        boolean lowScore,
        boolean raisesIssue) {

    /** A rating of 4 or 5 of 5 counts as satisfied (PRODUCT.md, Surveys: "CSAT (share of 4–5 of 5)"). */
    public static final int SATISFIED_FROM = 4;

    public Scores {
        problemQuestionIds = List.copyOf(problemQuestionIds);
        comments = List.copyOf(comments);
    }

    public static Scores of(SurveyTemplate template, SurveyResponse response) {
        return of(template, response, LowScoreRule.DEFAULT);
    }

    /**
     * Scores a response already checked by {@link ResponseValidator} against this template version; answers that
     * do not fit their question are ignored.
     */
    public static Scores of(SurveyTemplate template, SurveyResponse response, LowScoreRule rule) {
        if (!template.ref().equals(response.template())) {
            throw new IllegalArgumentException("response to " + response.template() + " scored with " + template.ref());
        }
        Map<String, Answer> answers = QuestionFlow.index(response.answers());
        List<Integer> ratings = new ArrayList<>();
        Integer csatRating = null;
        Integer nps = null;
        List<String> problems = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        boolean low = false;

        for (Question q : template.questions()) {
            Answer answer = answers.get(q.id());
            if (answer == null || !answer.fits(q.type())) {
                continue;
            }
            if (answer instanceof NumberAnswer n) {
                if (q.type() == QuestionType.RATING_1_5) {
                    ratings.add(n.value());
                    low |= rule.lowRating(n.value());
                    if (q.id().equals(template.csatQuestionId())) {
                        csatRating = n.value();
                    }
                } else if (nps == null) {
                    nps = n.value();
                    low |= rule.lowNps(n.value());
                }
            }
            if (problemAnswer(q, answer)) {
                problems.add(q.id());
            }
            if (answer instanceof TextAnswer t && !t.text().isBlank()) {
                comments.add(t.text().strip());
            }
        }

        Double mean = ratings.isEmpty() ? null : ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
        Boolean satisfied = csatRating != null ? Boolean.valueOf(csatRating >= SATISFIED_FROM)
                : mean != null ? Boolean.valueOf(mean >= SATISFIED_FROM) : null;
        boolean flagged = response.agentFlag().isPresent();
        String flagNote = response.agentFlag().map(AgentFlag::note).orElse(null);
        return new Scores(mean, satisfied, nps, nps == null ? null : NpsClass.of(nps), problems, flagged, flagNote,
                comments, low, low || !problems.isEmpty() || flagged);
    }

    private static boolean problemAnswer(Question q, Answer answer) {
        if (answer instanceof OptionAnswer a) {
            return q.isProblemOption(a.optionId());
        }
        if (answer instanceof OptionsAnswer a) {
            return a.optionIds().stream().anyMatch(q::isProblemOption);
        }
        if (answer instanceof NumberAnswer a) {
            return q.isProblemNumber(a.value());
        }
        if (answer instanceof YesNoAnswer a) {
            return q.isProblemYesNo(a.yes());
        }
        return false;
    }
}
