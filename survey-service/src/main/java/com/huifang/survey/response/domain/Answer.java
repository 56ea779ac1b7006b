package com.huifang.survey.response.domain;

import com.huifang.survey.template.domain.QuestionType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One answer to one question. The answer's kind must match the question's type: an {@link OptionAnswer} answers a
 * single choice, {@link OptionsAnswer} a multiple choice, {@link NumberAnswer} a 1–5 rating or a 0–10 NPS,
 * {@link YesNoAnswer} a yes/no, {@link TextAnswer} a free-text question.
 */
public sealed interface Answer {

    String questionId();

    /** The canonical values branch conditions compare with (option ids, "1".."10", "yes"/"no"). */
    Set<String> branchValues();

    /** Whether this kind of answer fits a question of the given type. */
    boolean fits(QuestionType type);

    record OptionAnswer(String questionId, String optionId) implements Answer {
        public OptionAnswer {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(optionId, "optionId");
        }

        public Set<String> branchValues() {
            return Set.of(optionId);
        }

        public boolean fits(QuestionType type) {
            return type == QuestionType.SINGLE_CHOICE;
        }
    }

    /** The chosen options, in the order given; duplicates are ignored. */
    record OptionsAnswer(String questionId, List<String> optionIds) implements Answer {
        public OptionsAnswer {
            Objects.requireNonNull(questionId, "questionId");
            optionIds = optionIds.stream().distinct().toList();
        }

        public Set<String> branchValues() {
            return Set.copyOf(optionIds);
        }

        public boolean fits(QuestionType type) {
            return type == QuestionType.MULTIPLE_CHOICE;
        }
    }

    record NumberAnswer(String questionId, int value) implements Answer {
        public NumberAnswer {
            Objects.requireNonNull(questionId, "questionId");
        }

        public Set<String> branchValues() {
            return Set.of(Integer.toString(value));
        }

        public boolean fits(QuestionType type) {
            return type.isNumeric();
        }
    }

    record YesNoAnswer(String questionId, boolean yes) implements Answer {
        public YesNoAnswer {
            Objects.requireNonNull(questionId, "questionId");
        }

        public Set<String> branchValues() {
            return Set.of(yes ? QuestionType.YES : QuestionType.NO);
        }

        public boolean fits(QuestionType type) {
            return type == QuestionType.YES_NO;
        }
    }

    record TextAnswer(String questionId, String text) implements Answer {
        public TextAnswer {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(text, "text");
        }

        public Set<String> branchValues() {
            return Set.of();
        }

        public boolean fits(QuestionType type) {
            return type == QuestionType.FREE_TEXT;
        }
    }

    static Answer option(String questionId, String optionId) {
        return new OptionAnswer(questionId, optionId);
    }

    static Answer options(String questionId, String... optionIds) {
        return new OptionsAnswer(questionId, List.of(optionIds));
    }

    static Answer number(String questionId, int value) {
        return new NumberAnswer(questionId, value);
    }

    static Answer yesNo(String questionId, boolean yes) {
        return new YesNoAnswer(questionId, yes);
    }

    static Answer text(String questionId, String text) {
        return new TextAnswer(questionId, text);
    }
}
