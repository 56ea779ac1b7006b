package com.huifang.survey.response.domain;

import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What of a stored response may outlive its customer's personal data (an erasure, issue 10 §2): the answers
 * that are facts about the service — option ids, ratings, NPS, yes/no — stay, so scores and answer shares stay
 * right; the free-text answers go, because the customer may have typed anything there (a name, a phone number,
 * an address). The response's comments and the agent's flag note are free text too; the caller drops them.
 */
public final class AnswerAnonymisation {

    private AnswerAnonymisation() {
    }

    /**
     * The stored answers ({@code AnswerMapping.toStored}) without their free text.
     *
     * @param template the exact version the response answered; empty when it cannot be found, in which case only
     *                 numbers and yes/no answers are kept (a string or a list might be text)
     */
    public static Map<String, Object> withoutFreeText(Optional<SurveyTemplate> template, Map<String, Object> stored) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (stored == null) {
            return kept;
        }
        stored.forEach((questionId, value) -> {
            boolean keep = template.isPresent()
                    ? template.get().question(questionId).map(Question::type)
                            .map(type -> type != QuestionType.FREE_TEXT).orElse(false)
                    : value instanceof Number || value instanceof Boolean;
            if (keep) {
                kept.put(questionId, value);
            }
        });
        return kept;
    }
}
