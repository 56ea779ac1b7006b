package com.huifang.survey.template.pack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.survey.template.domain.AnswerOption;
import com.huifang.survey.template.domain.Condition;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.Script;
import com.huifang.survey.template.domain.ScriptNote;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Reads survey templates from JSON (the seed templates of the plan packs under {@code templates/} on the class
 * path, or a tenant's import). Unknown fields are errors, so a typo in a pack fails loudly. Reading does not
 * validate: pass the result to {@code TemplateValidator}.
 */
public final class TemplatePackReader {

    /** The seed templates shipped with survey-service, by id (file {@code templates/<id>.json}). */
    public static final List<String> SEEDS = List.of(
            "hospital-inpatient",
            "issue-recontact",
            "hospital-outpatient",
            "insurance-new-policy",
            "property-service",
            "furniture-installation",
            "renovation-stage",
            "survey-clinic",
            "survey-member-care",
            "survey-wealth-contract");

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Reads one template for a tenant; the version defaults to 1. */
    public SurveyTemplate read(InputStream json, String tenantId) {
        try {
            return toDomain(mapper.readValue(json, TemplateJson.class), tenantId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read survey template: " + e.getMessage(), e);
        }
    }

    public SurveyTemplate readSeed(String seedId, String tenantId) {
        String resource = "templates/" + seedId + ".json";
        try (InputStream in = TemplatePackReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed template " + resource);
            }
            return read(in, tenantId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SurveyTemplate> readSeeds(String tenantId) {
        return SEEDS.stream().map(id -> readSeed(id, tenantId)).toList();
    }

    private static SurveyTemplate toDomain(TemplateJson t, String tenantId) {
        ScriptJson s = t.script() == null ? new ScriptJson(null, null, null, null, null) : t.script();
        Script script = new Script(s.opening(), s.closing(), s.replyToSatisfied(), s.replyToDissatisfied(),
                s.notes() == null ? List.of() : s.notes().stream().map(n -> new ScriptNote(n.title(), n.text())).toList());
        List<Question> questions = t.questions() == null ? List.of() : t.questions().stream()
                .map(TemplatePackReader::toDomain).toList();
        return new SurveyTemplate(tenantId, t.id(), t.version() == null ? 1 : t.version(), t.name(),
                t.channels() == null ? Set.of() : Set.copyOf(t.channels()), script, questions, t.csatQuestionId());
    }

    private static Question toDomain(QuestionJson q) {
        boolean required = q.required() != null ? q.required() : q.type() != QuestionType.FREE_TEXT;
        List<AnswerOption> options = q.options() == null ? List.of() : q.options().stream()
                .map(o -> new AnswerOption(o.id(), o.label(), Boolean.TRUE.equals(o.problem()))).toList();
        List<Condition> showIf = q.showIf() == null ? List.of() : q.showIf().stream()
                .map(c -> new Condition(c.question(), c.anyOf() == null ? Set.of() : Set.copyOf(c.anyOf()))).toList();
        return new Question(q.id(), q.type(), q.text() == null ? "" : q.text(), required, options, q.problemAtMost(),
                q.problemWhen(), showIf);
    }

    record TemplateJson(String id, Integer version, String name, List<SurveyChannel> channels, ScriptJson script,
                        String csatQuestionId, List<QuestionJson> questions) {
    }

    record ScriptJson(String opening, String closing, String replyToSatisfied, String replyToDissatisfied,
                      List<NoteJson> notes) {
    }

    record NoteJson(String title, String text) {
    }

    /** {@code required} defaults to true, except for free text (false). */
    record QuestionJson(String id, QuestionType type, String text, Boolean required, List<OptionJson> options,
                        Integer problemAtMost, Boolean problemWhen, List<ConditionJson> showIf) {
    }

    record OptionJson(String id, String label, Boolean problem) {
    }

    record ConditionJson(String question, List<String> anyOf) {
    }
}
