package com.huifang.survey.template;

import com.huifang.survey.template.domain.AnswerOption;
import com.huifang.survey.template.domain.Condition;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.Script;
import com.huifang.survey.template.domain.ScriptNote;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.template.domain.SurveyTemplate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * The JSON shape of a template's content (the same as the seed packs' files, without id and version): what a
 * supervisor sends, what the API returns and what the store keeps. Conditions name option ids, "1".."10" or
 * "yes"/"no" (see {@link Condition}).
 */
public record TemplateBody(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 1) List<SurveyChannel> channels,
        @Valid ScriptBody script,
        @Size(max = 64) String csatQuestionId,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull QuestionBody> questions) {

    public record ScriptBody(@Size(max = 4000) String opening, @Size(max = 4000) String closing,
                             @Size(max = 4000) String replyToSatisfied, @Size(max = 4000) String replyToDissatisfied,
                             List<@Valid @NotNull NoteBody> notes) {
    }

    public record NoteBody(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String text) {
    }

    /** {@code required} defaults to true, except for free text (false). */
    public record QuestionBody(@NotBlank @Size(max = 64) String id, @NotNull QuestionType type,
                               @NotBlank @Size(max = 2000) String text, Boolean required,
                               List<@Valid @NotNull OptionBody> options, Integer problemAtMost, Boolean problemWhen,
                               List<@Valid @NotNull ConditionBody> showIf) {
    }

    public record OptionBody(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 500) String label,
                             Boolean problem) {
    }

    public record ConditionBody(@NotBlank @Size(max = 64) String question, @NotNull List<@NotNull String> anyOf) {
    }

    public SurveyTemplate toDomain(String tenantId, String templateId, int version) {
        ScriptBody s = script == null ? new ScriptBody(null, null, null, null, null) : script;
        Script domainScript = new Script(s.opening(), s.closing(), s.replyToSatisfied(), s.replyToDissatisfied(),
                s.notes() == null ? List.of() : s.notes().stream().map(n -> new ScriptNote(n.title(), n.text())).toList());
        List<Question> qs = questions == null ? List.of() : questions.stream().map(TemplateBody::toDomain).toList();
        return new SurveyTemplate(tenantId, templateId, version, name,
                channels == null ? Set.of() : Set.copyOf(channels), domainScript, qs,
                csatQuestionId == null || csatQuestionId.isBlank() ? null : csatQuestionId);
    }

    private static Question toDomain(QuestionBody q) {
        boolean required = q.required() != null ? q.required() : q.type() != QuestionType.FREE_TEXT;
        List<AnswerOption> options = q.options() == null ? List.of() : q.options().stream()
                .map(o -> new AnswerOption(o.id(), o.label(), Boolean.TRUE.equals(o.problem()))).toList();
        List<Condition> showIf = q.showIf() == null ? List.of() : q.showIf().stream()
                .map(c -> new Condition(c.question(), Set.copyOf(c.anyOf()))).toList();
        return new Question(q.id(), q.type(), q.text(), required, options, q.problemAtMost(), q.problemWhen(), showIf);
    }

    public static TemplateBody of(SurveyTemplate t) {
        Script s = t.script();
        return new TemplateBody(t.name(), t.channels().stream().sorted().toList(),
                new ScriptBody(s.opening(), s.closing(), s.replyToSatisfied(), s.replyToDissatisfied(),
                        s.notes().stream().map(n -> new NoteBody(n.title(), n.text())).toList()),
                t.csatQuestionId(),
                t.questions().stream().map(TemplateBody::of).toList());
    }

    public static QuestionBody of(Question q) {
        return new QuestionBody(q.id(), q.type(), q.text(), q.required(),
                q.options().stream().map(o -> new OptionBody(o.id(), o.label(), o.problem())).toList(),
                q.problemAtMost(), q.problemWhen(),
                q.showIf().stream().map(c -> new ConditionBody(c.questionId(), c.anyOf().stream().sorted().toList()))
                        .toList());
    }
}
