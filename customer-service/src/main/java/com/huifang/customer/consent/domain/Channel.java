package com.huifang.customer.consent.domain;

/** The ways a customer can be reached, in the order of the usual fallback ladder. */
public enum Channel {
    PHONE, SMS, EMAIL, HOME_VISIT, LETTER
}
