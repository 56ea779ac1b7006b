package com.huifang.feedback.issue.domain;

/** Evidence of a forbidden type, too large, or one too many. */
public class AttachmentRejectedException extends IssueException {

    public AttachmentRejectedException(String message) {
        super(message);
    }
}
