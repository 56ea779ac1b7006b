package com.huifang.survey.template.domain;

import java.util.List;
import java.util.Objects;

/**
 * The call script (话术) around the questions. Texts may hold placeholders ({@link Placeholder}).
 *
 * @param opening             回访起始语
 * @param closing             结束语
 * @param replyToSatisfied    what to answer a satisfied customer
 * @param replyToDissatisfied what to answer a dissatisfied customer
 * @param notes               optional health-education or product notes
 */
public record Script(String opening, String closing, String replyToSatisfied, String replyToDissatisfied,
                     List<ScriptNote> notes) {
    public Script {
        opening = Objects.requireNonNullElse(opening, "");
        closing = Objects.requireNonNullElse(closing, "");
        replyToSatisfied = Objects.requireNonNullElse(replyToSatisfied, "");
        replyToDissatisfied = Objects.requireNonNullElse(replyToDissatisfied, "");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static Script empty() {
        return new Script("", "", "", "", List.of());
    }
}
