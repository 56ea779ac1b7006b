package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;

/**
 * Answers to a survey were submitted, by an agent during a call or by the customer through a link.
 *
 * @param rating              mean of the 1–5 rating answers, null when none
 * @param satisfied           CSAT class: a rating of 4 or 5 of 5; null when no rating question
 * @param nps                 0–10 answer, null when none
 * @param npsClass            PROMOTER (9–10), PASSIVE (7–8), DETRACTOR (0–6), null when none
 * @param problemQuestionIds  questions whose answer carried the "problem" mark
 * @param flagged             the agent flagged a special case (e.g. a worrying symptom)
 * @param raisesIssue         low score, problem answer or flag: feedback-service raises an issue
 */
public record SurveySubmitted(
        String responseId,
        String visitId,
        String customerId,
        String planId,
        String templateId,
        int templateVersion,
        String agentId,
        String channel,
        Instant submittedAt,
        Double rating,
        Boolean satisfied,
        Integer nps,
        String npsClass,
        List<String> problemQuestionIds,
        boolean flagged,
        String flagNote,
        List<String> comments,
        boolean raisesIssue) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
