package com.huifang.survey.response.domain;

import com.huifang.survey.response.domain.Answer.NumberAnswer;
import com.huifang.survey.response.domain.Answer.OptionAnswer;
import com.huifang.survey.response.domain.Answer.OptionsAnswer;
import com.huifang.survey.response.domain.Answer.TextAnswer;
import com.huifang.survey.response.domain.Answer.YesNoAnswer;
import com.huifang.survey.response.domain.AnswerError.Code;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a response against the exact template version it answered. Every error names its question, so the web
 * layer can answer 400 with the question id.
 */
public final class ResponseValidator {

    /** Longest free-text answer or flag note accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 2000;

    /** @return the errors, empty when the response is valid */
    public List<AnswerError> validate(SurveyTemplate template, SurveyResponse response) {
        List<AnswerError> errors = new ArrayList<>();
        if (!template.ref().equals(response.template())) {
            errors.add(new AnswerError(null, Code.TEMPLATE_VERSION_MISMATCH, "the response answers "
                    + response.template() + " but was checked against " + template.ref()));
            return errors;
        }

        Set<String> seen = new HashSet<>();
        List<Answer> wellFormed = new ArrayList<>();
        for (Answer answer : response.answers()) {
            String id = answer.questionId();
            Optional<Question> question = template.question(id);
            if (question.isEmpty()) {
                errors.add(new AnswerError(id, Code.UNKNOWN_QUESTION, "template " + template.ref()
                        + " has no question '" + id + "'"));
            } else if (!seen.add(id)) {
                errors.add(new AnswerError(id, Code.DUPLICATE_ANSWER, "question '" + id + "' is answered twice"));
            } else {
                Optional<AnswerError> error = check(question.get(), answer);
                error.ifPresentOrElse(errors::add, () -> wellFormed.add(answer));
            }
        }

        QuestionFlow flow = new QuestionFlow(template);
        List<Question> shown = flow.shown(wellFormed);
        Set<String> shownIds = new HashSet<>();
        shown.forEach(q -> shownIds.add(q.id()));
        for (Answer answer : wellFormed) {
            if (!shownIds.contains(answer.questionId())) {
                errors.add(new AnswerError(answer.questionId(), Code.BRANCH_NOT_TAKEN, "question '"
                        + answer.questionId() + "' is not asked given the other answers, but was answered"));
            }
        }
        for (Question q : flow.remaining(wellFormed)) {
            if (q.required() && !seen.contains(q.id())) {
                errors.add(new AnswerError(q.id(), Code.REQUIRED_MISSING, "question '" + q.id() + "' must be answered"));
            }
        }

        response.agentFlag().ifPresent(flag -> {
            if (response.source() != ResponseSource.AGENT) {
                errors.add(new AnswerError(null, Code.INVALID_FLAG, "only an agent can flag a response"));
            } else if (flag.note().isBlank()) {
                errors.add(new AnswerError(null, Code.INVALID_FLAG, "a flag needs a note saying why"));
            } else if (flag.note().length() > MAX_TEXT_LENGTH) {
                errors.add(new AnswerError(null, Code.INVALID_FLAG, "a flag note may be at most "
                        + MAX_TEXT_LENGTH + " characters"));
            }
        });
        return errors;
    }

    private static Optional<AnswerError> check(Question q, Answer answer) {
        String id = q.id();
        if (!answer.fits(q.type())) {
            return Optional.of(new AnswerError(id, Code.WRONG_TYPE, "question '" + id + "' is " + q.type()
                    + " and cannot take " + kind(answer)));
        }
        if (answer instanceof OptionAnswer a) {
            return q.hasOption(a.optionId()) ? Optional.empty() : Optional.of(unknownOption(id, a.optionId()));
        }
        if (answer instanceof OptionsAnswer a) {
            if (a.optionIds().isEmpty()) {
                return Optional.of(new AnswerError(id, Code.EMPTY_ANSWER, "question '" + id + "': choose at least one option"));
            }
            return a.optionIds().stream().filter(o -> !q.hasOption(o)).findFirst().map(o -> unknownOption(id, o));
        }
        if (answer instanceof NumberAnswer a) {
            if (a.value() < q.type().min() || a.value() > q.type().max()) {
                return Optional.of(new AnswerError(id, Code.OUT_OF_RANGE, "question '" + id + "' takes "
                        + q.type().min() + "–" + q.type().max() + ", not " + a.value()));
            }
            return Optional.empty();
        }
        if (answer instanceof TextAnswer a) {
            if (a.text().isBlank()) {
                return Optional.of(new AnswerError(id, Code.EMPTY_ANSWER, "question '" + id + "': the text is blank"));
            }
            if (a.text().length() > MAX_TEXT_LENGTH) {
                return Optional.of(new AnswerError(id, Code.TOO_LONG, "question '" + id + "': at most "
                        + MAX_TEXT_LENGTH + " characters"));
            }
        }
        return Optional.empty(); // a yes/no answer that fits is always in range
    }

    private static AnswerError unknownOption(String questionId, String optionId) {
        return new AnswerError(questionId, Code.UNKNOWN_OPTION, "question '" + questionId + "' has no option '"
                + optionId + "'");
    }

    private static String kind(Answer answer) {
        if (answer instanceof OptionAnswer) {
            return "a single option";
        }
        if (answer instanceof OptionsAnswer) {
            return "several options";
        }
        if (answer instanceof NumberAnswer) {
            return "a number";
        }
        if (answer instanceof YesNoAnswer) {
            return "yes/no";
        }
        return "text";
    }
}
