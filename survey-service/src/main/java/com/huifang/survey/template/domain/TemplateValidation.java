package com.huifang.survey.template.domain;

import java.util.List;

/** Errors reject a template on save; warnings are shown to its author but let it be saved. */
public record TemplateValidation(List<TemplateProblem> errors, List<TemplateProblem> warnings) {

    public TemplateValidation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** @throws InvalidTemplateException when there is any error */
    public TemplateValidation orThrow() {
        if (!valid()) {
            throw new InvalidTemplateException(errors);
        }
        return this;
    }
}
