package com.huifang.feedback.issue.domain;

/** A request the issue rules refuse. Adapters map subclasses to problem responses. */
public class IssueException extends RuntimeException {

    public IssueException(String message) {
        super(message);
    }
}
