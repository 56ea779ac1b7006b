package com.huifang.feedback.issue.domain;

/** Who raised the issue: a survey answer, an agent during a visit, staff entering a complaint, a partner system. */
public enum IssueSource {
    SURVEY,
    AGENT,
    STAFF,
    PARTNER
}
