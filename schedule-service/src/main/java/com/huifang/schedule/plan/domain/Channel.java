package com.huifang.schedule.plan.domain;

/**
 * A rung of the channel ladder. The consent code is the channel name customer-service uses in
 * {@code CustomerConsentChanged.optedOutChannels} (PHONE, SMS, EMAIL, HOME_VISIT, LETTER): a customer
 * who refuses calls refuses both phone numbers.
 */
public enum Channel {
    PHONE("PHONE"),
    SECOND_PHONE("PHONE"),
    SMS_LINK("SMS"),
    EMAIL_LINK("EMAIL"),
    HOME_VISIT("HOME_VISIT"),
    LETTER("LETTER");

    private final String consentCode;

    Channel(String consentCode) {
        this.consentCode = consentCode;
    }

    public String consentCode() {
        return consentCode;
    }

    public boolean isPhone() {
        return this == PHONE || this == SECOND_PHONE;
    }

    public boolean isLink() {
        return this == SMS_LINK || this == EMAIL_LINK;
    }

    /** Home visits and letters are the costly rungs capped at 10 % of all visits (insurance rules, seed 004). */
    public boolean isCostly() {
        return this == HOME_VISIT || this == LETTER;
    }
}
