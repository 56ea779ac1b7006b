package com.huifang.survey.link.delivery;

/**
 * An SMS was not accepted by the provider. {@link #transientFailure()} tells a provider that is down or overloaded
 * (worth another try, counted by the circuit breaker) from a refusal of this message (bad number, template not
 * approved, quota): retrying a refusal sends nothing more.
 */
public class SmsDeliveryException extends RuntimeException {

    private final String providerCode;
    private final boolean transientFailure;

    public SmsDeliveryException(String providerCode, String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.providerCode = providerCode;
        this.transientFailure = transientFailure;
    }

    /** The provider's code ("isv.MOBILE_NUMBER_ILLEGAL", "HTTP_503", "IO"…). */
    public String providerCode() {
        return providerCode;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
