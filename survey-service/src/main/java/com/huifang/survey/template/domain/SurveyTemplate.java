package com.huifang.survey.template.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a tenant's survey template: the call script and the questions. Immutable: a change is a new
 * version ({@link TemplateVersions#revise}), so a response stays readable against the version it answered.
 *
 * @param csatQuestionId the 1–5 rating question that decides CSAT ("overall satisfaction"); null = the mean of
 *                       all rating answers decides
 */
public record SurveyTemplate(
        String tenantId,
        String templateId,
        int version,
        String name,
        Set<SurveyChannel> channels,
        Script script,
        List<Question> questions,
        String csatQuestionId) {

    public SurveyTemplate {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("template version starts at 1, was " + version);
        }
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        script = script == null ? Script.empty() : script;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public TemplateRef ref() {
        return new TemplateRef(templateId, version);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public boolean askedBy(SurveyChannel channel) {
        return channels.contains(channel);
    }

    /** The same template as another version number (used when a revision is saved). */
    public SurveyTemplate withVersion(int newVersion) {
        return new SurveyTemplate(tenantId, templateId, newVersion, name, channels, script, questions, csatQuestionId);
    }

    /**
     * The order questions are asked in: the template's order, except that a question never comes before a question
     * its branch condition depends on. Requires a template without cyclic or unknown branches (see
     * {@link TemplateValidator}).
     *
     * @throws IllegalStateException when the branches are cyclic
     */
    public List<Question> askingOrder() {
        Map<String, Question> pending = new LinkedHashMap<>();
        questions.forEach(q -> pending.putIfAbsent(q.id(), q));
        Set<String> placed = new HashSet<>();
        List<Question> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Question ready = pending.values().stream()
                    .filter(q -> q.showIf().stream().allMatch(c -> placed.contains(c.questionId()) || !isQuestion(c.questionId())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "cyclic branches among " + pending.keySet() + " in template " + ref()));
            pending.remove(ready.id());
            placed.add(ready.id());
            order.add(ready);
        }
        return order;
    }

    private boolean isQuestion(String questionId) {
        return questions.stream().anyMatch(q -> q.id().equals(questionId));
    }
}
