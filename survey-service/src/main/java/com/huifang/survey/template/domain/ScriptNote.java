package com.huifang.survey.template.domain;

import java.util.Objects;

/** Something the agent may tell the customer: health education (健康宣教), product notes, care advice. */
public record ScriptNote(String title, String text) {
    public ScriptNote {
        Objects.requireNonNull(title, "note title");
        Objects.requireNonNull(text, "note text");
    }
}
