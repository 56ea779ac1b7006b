package com.huifang.survey.response.domain;

/** Who gave the answers. */
public enum ResponseSource {
    /** An agent during a call or home visit. */
    AGENT,
    /** The customer on the page opened from a single-use link. */
    CUSTOMER_LINK
}
