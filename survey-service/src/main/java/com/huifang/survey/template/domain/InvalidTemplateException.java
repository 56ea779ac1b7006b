package com.huifang.survey.template.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A template with errors was about to be saved or used. */
public class InvalidTemplateException extends RuntimeException {
    private final transient List<TemplateProblem> errors;

    public InvalidTemplateException(List<TemplateProblem> errors) {
        super("invalid survey template: " + errors.stream().map(TemplateProblem::message)
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<TemplateProblem> errors() {
        return errors;
    }
}
