package com.huifang.survey.template.domain;

import java.util.List;

/** A template's script with every placeholder filled, ready to read out or show. Not escaped: the web layer escapes. */
public record RenderedScript(String opening, String closing, String replyToSatisfied, String replyToDissatisfied,
                             List<ScriptNote> notes, List<RenderedQuestion> questions) {

    public RenderedScript {
        notes = List.copyOf(notes);
        questions = List.copyOf(questions);
    }

    /** A question with its text filled in; the rest (type, options, branches) as in the template. */
    public record RenderedQuestion(Question question, String text) {
    }
}
