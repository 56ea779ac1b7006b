package com.huifang.feedback.routing.domain;

/** A category code the tenant has not configured: rejected rather than routed to a guess. */
public class UnknownCategoryException extends RuntimeException {

    private final String code;

    public UnknownCategoryException(String code) {
        super("unknown issue category code: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
