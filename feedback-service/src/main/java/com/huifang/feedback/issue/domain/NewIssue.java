package com.huifang.feedback.issue.domain;

import java.util.List;

/** A freshly raised issue and the events raising it caused (Raised, and Escalated for a major issue). */
public record NewIssue(Issue issue, List<IssueEvent> events) {

    public NewIssue {
        events = List.copyOf(events);
    }
}
