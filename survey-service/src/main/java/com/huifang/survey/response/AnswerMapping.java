package com.huifang.survey.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.survey.response.domain.Answer;
import com.huifang.survey.response.domain.AnswerError;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the answers a client sent (JSON values, or form fields of the customer page) into domain {@link Answer}s by
 * the type of the question they answer. A value that cannot be an answer of that type at all is a WRONG_TYPE error
 * of its question; everything else (ranges, options, branches) is the {@code ResponseValidator}'s business.
 */
public final class AnswerMapping {

    private AnswerMapping() {
    }

    public record Mapped(List<Answer> answers, List<AnswerError> errors) {
    }

    /**
     * JSON: single choice → "optionId"; multiple choice → ["a", "b"]; rating / NPS → an integer; yes/no → true/false
     * (or "yes"/"no"); free text → "text".
     */
    public static Mapped fromJson(SurveyTemplate template, Map<String, JsonNode> values) {
        List<Answer> answers = new ArrayList<>();
        List<AnswerError> errors = new ArrayList<>();
        values.forEach((questionId, value) -> {
            Optional<Question> question = template.question(questionId);
            if (question.isEmpty()) {
                errors.add(new AnswerError(questionId, AnswerError.Code.UNKNOWN_QUESTION,
                        "template " + template.ref() + " has no question '" + questionId + "'"));
                return;
            }
            if (value == null || value.isNull()) {
                return; // not answered
            }
            Optional<Answer> answer = fromJson(question.get(), value);
            if (answer.isPresent()) {
                answers.add(answer.get());
            } else {
                errors.add(wrongType(question.get()));
            }
        });
        return new Mapped(answers, errors);
    }

    private static Optional<Answer> fromJson(Question q, JsonNode v) {
        String id = q.id();
        return switch (q.type()) {
            case SINGLE_CHOICE -> v.isTextual() ? Optional.of(Answer.option(id, v.asText())) : Optional.empty();
            case MULTIPLE_CHOICE -> {
                if (!v.isArray()) {
                    yield Optional.empty();
                }
                List<String> ids = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isTextual()) {
                        yield Optional.empty();
                    }
                    ids.add(item.asText());
                }
                yield Optional.of(new Answer.OptionsAnswer(id, ids));
            }
            case RATING_1_5, NPS_0_10 -> v.isIntegralNumber() && v.canConvertToInt()
                    ? Optional.of(Answer.number(id, v.intValue())) : Optional.empty();
            case YES_NO -> {
                if (v.isBoolean()) {
                    yield Optional.of(Answer.yesNo(id, v.booleanValue()));
                }
                yield v.isTextual() ? yesNo(id, v.asText()) : Optional.empty();
            }
            case FREE_TEXT -> v.isTextual() ? Optional.of(Answer.text(id, v.asText())) : Optional.empty();
        };
    }

    /**
     * Form fields of the customer page, named {@code q.<questionId>}: option ids, "1".."10", "yes"/"no" or text;
     * a multiple choice sends the field once per chosen option. Empty values are not answers.
     */
    public static Mapped fromForm(SurveyTemplate template, Map<String, List<String>> form) {
        List<Answer> answers = new ArrayList<>();
        List<AnswerError> errors = new ArrayList<>();
        form.forEach((field, raw) -> {
            if (!field.startsWith("q.")) {
                return;
            }
            String questionId = field.substring(2);
            List<String> values = raw.stream().filter(s -> s != null && !s.isBlank()).toList();
            Optional<Question> question = template.question(questionId);
            if (question.isEmpty()) {
                errors.add(new AnswerError(questionId, AnswerError.Code.UNKNOWN_QUESTION,
                        "template " + template.ref() + " has no question '" + questionId + "'"));
                return;
            }
            if (values.isEmpty()) {
                return;
            }
            Question q = question.get();
            Optional<Answer> answer = switch (q.type()) {
                case MULTIPLE_CHOICE -> Optional.of(new Answer.OptionsAnswer(questionId, values));
                case SINGLE_CHOICE -> values.size() == 1 ? Optional.of(Answer.option(questionId, values.get(0)))
                        : Optional.empty();
                case RATING_1_5, NPS_0_10 -> values.size() == 1 ? integer(values.get(0)).map(n -> Answer.number(questionId, n))
                        : Optional.empty();
                case YES_NO -> values.size() == 1 ? yesNo(questionId, values.get(0)) : Optional.empty();
                case FREE_TEXT -> values.size() == 1 ? Optional.of(Answer.text(questionId, values.get(0)))
                        : Optional.empty();
            };
            answer.ifPresentOrElse(answers::add, () -> errors.add(wrongType(q)));
        });
        return new Mapped(answers, errors);
    }

    /** What is stored per question: option id, list of option ids, integer, boolean or text. */
    public static Map<String, Object> toStored(List<Answer> answers) {
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Answer a : answers) {
            Object value;
            if (a instanceof Answer.OptionAnswer o) {
                value = o.optionId();
            } else if (a instanceof Answer.OptionsAnswer o) {
                value = o.optionIds();
            } else if (a instanceof Answer.NumberAnswer n) {
                value = n.value();
            } else if (a instanceof Answer.YesNoAnswer y) {
                value = y.yes();
            } else {
                value = ((Answer.TextAnswer) a).text();
            }
            stored.put(a.questionId(), value);
        }
        return stored;
    }

    private static Optional<Answer> yesNo(String id, String text) {
        return switch (text) {
            case QuestionType.YES, "true" -> Optional.of(Answer.yesNo(id, true));
            case QuestionType.NO, "false" -> Optional.of(Answer.yesNo(id, false));
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static AnswerError wrongType(Question q) {
        return new AnswerError(q.id(), AnswerError.Code.WRONG_TYPE, "question '" + q.id() + "' is " + q.type()
                + " and cannot take this value");
    }
}
