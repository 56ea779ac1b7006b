package com.huifang.feedback.issue.domain;

/**
 * Who raised the issue: a survey answer, an agent during a visit, staff entering a complaint, a partner system,
 * or a failed quality review (质检抽查) of an agent's visit.
 */
public enum IssueSource {
    SURVEY,
    AGENT,
    STAFF,
    PARTNER,
    /** Raised against the agent of a reviewed visit: never handled by that agent (see {@link Issue#assign}). */
    QUALITY_REVIEW
}
