package com.huifang.survey.response.domain;

import com.huifang.survey.template.domain.TemplateRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answers given to one exact template version.
 *
 * @param flag an agent's flag; null when none (customers cannot flag)
 */
public record SurveyResponse(TemplateRef template, ResponseSource source, List<Answer> answers, AgentFlag flag) {

    public SurveyResponse {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(source, "source");
        answers = List.copyOf(answers);
    }

    public static SurveyResponse byAgent(TemplateRef template, List<Answer> answers, AgentFlag flag) {
        return new SurveyResponse(template, ResponseSource.AGENT, answers, flag);
    }

    public static SurveyResponse byCustomer(TemplateRef template, List<Answer> answers) {
        return new SurveyResponse(template, ResponseSource.CUSTOMER_LINK, answers, null);
    }

    public Optional<Answer> answer(String questionId) {
        return answers.stream().filter(a -> a.questionId().equals(questionId)).findFirst();
    }

    public Optional<AgentFlag> agentFlag() {
        return Optional.ofNullable(flag);
    }
}
