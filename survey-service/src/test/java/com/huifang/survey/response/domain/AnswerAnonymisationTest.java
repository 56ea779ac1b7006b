package com.huifang.survey.response.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.SurveyTemplates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerAnonymisationTest {

    private static Map<String, Object> stored() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("overall", 2);
        stored.put("why", "我是张伟,电话 13812345678");
        stored.put("nurses", "dissatisfied");
        stored.put("topics", List.of("diet"));
        stored.put("recommend", 4);
        stored.put("symptom", true);
        return stored;
    }

    @Test
    void freeTextAnswersGoAndEveryOtherAnswerStays() {
        assertThat(AnswerAnonymisation.withoutFreeText(Optional.of(SurveyTemplates.everyType()), stored()))
                .containsOnlyKeys("overall", "nurses", "topics", "recommend", "symptom");
    }

    @Test
    void withoutItsTemplateOnlyNumbersAndYesNoAnswersStay() {
        assertThat(AnswerAnonymisation.withoutFreeText(Optional.empty(), stored()))
                .containsOnlyKeys("overall", "recommend", "symptom");
    }

    @Test
    void anAnswerToAQuestionTheTemplateDoesNotKnowGoes() {
        Map<String, Object> stored = stored();
        stored.put("unknown", "text");
        assertThat(AnswerAnonymisation.withoutFreeText(Optional.of(SurveyTemplates.everyType()), stored))
                .doesNotContainKey("unknown");
    }

    @Test
    void noAnswersGiveNoAnswers() {
        assertThat(AnswerAnonymisation.withoutFreeText(Optional.empty(), null)).isEmpty();
    }
}
