package com.huifang.survey.template.domain;

import java.util.Objects;

/** Points at one exact version of one template: a response always records the version it answered. */
public record TemplateRef(String templateId, int version) {
    public TemplateRef {
        Objects.requireNonNull(templateId, "templateId");
        if (version < 1) {
            throw new IllegalArgumentException("template version starts at 1, was " + version);
        }
    }

    @Override
    public String toString() {
        return templateId + "@v" + version;
    }
}
