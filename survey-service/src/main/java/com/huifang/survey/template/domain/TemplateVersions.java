package com.huifang.survey.template.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All saved versions of one template of one tenant. Versions are never changed once saved: a revision becomes the
 * next version, and answers keep pointing at the version they were given against.
 */
public record TemplateVersions(String tenantId, String templateId, List<SurveyTemplate> versions) {

    public TemplateVersions {
        versions = versions.stream().sorted(Comparator.comparingInt(SurveyTemplate::version)).toList();
        for (int i = 0; i < versions.size(); i++) {
            SurveyTemplate t = versions.get(i);
            if (!t.tenantId().equals(tenantId) || !t.templateId().equals(templateId)) {
                throw new IllegalArgumentException(t.ref() + " of tenant " + t.tenantId()
                        + " does not belong to " + templateId + " of tenant " + tenantId);
            }
            if (t.version() != i + 1) {
                throw new IllegalArgumentException("versions of " + templateId + " must be 1..n without gaps, found v"
                        + t.version() + " at position " + (i + 1));
            }
        }
    }

    public static TemplateVersions none(String tenantId, String templateId) {
        return new TemplateVersions(tenantId, templateId, List.of());
    }

    public Optional<SurveyTemplate> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The exact version a response points at. */
    public Optional<SurveyTemplate> version(int version) {
        return version >= 1 && version <= versions.size() ? Optional.of(versions.get(version - 1)) : Optional.empty();
    }

    public Optional<SurveyTemplate> get(TemplateRef ref) {
        return ref.templateId().equals(templateId) ? version(ref.version()) : Optional.empty();
    }

    public int nextVersion() {
        return versions.size() + 1;
    }

    /**
     * Saves a draft as the next version after validating it. The draft's own version number is ignored.
     *
     * @throws InvalidTemplateException when the draft has errors (warnings do not stop it)
     */
    public Revision revise(SurveyTemplate draft, TemplateValidator validator) {
        if (!draft.tenantId().equals(tenantId) || !draft.templateId().equals(templateId)) {
            throw new IllegalArgumentException("draft " + draft.templateId() + " is not a revision of " + templateId);
        }
        SurveyTemplate saved = draft.withVersion(nextVersion());
        TemplateValidation validation = validator.validate(saved).orThrow();
        List<SurveyTemplate> all = new ArrayList<>(versions);
        all.add(saved);
        return new Revision(new TemplateVersions(tenantId, templateId, all), saved, validation.warnings());
    }

    /** The outcome of saving a revision: the new history, the saved version, and warnings to show the author. */
    public record Revision(TemplateVersions versions, SurveyTemplate saved, List<TemplateProblem> warnings) {
    }
}
