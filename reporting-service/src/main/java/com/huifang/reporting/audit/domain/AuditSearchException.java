package com.huifang.reporting.audit.domain;

/**
 * A search of the audit trail that cannot be run as asked; the web adapter turns it into a 400
 * problem naming {@link #field}.
 *
 * @param field      the request parameter at fault
 * @param code       a short machine code ("end-before-start", "too-long", "format", "range", "required")
 * @param messageKey the message bundle key
 */
public class AuditSearchException extends RuntimeException {

    private final String field;
    private final String code;
    private final String messageKey;
    private final transient Object[] args;

    public AuditSearchException(String field, String code, String messageKey, Object... args) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
