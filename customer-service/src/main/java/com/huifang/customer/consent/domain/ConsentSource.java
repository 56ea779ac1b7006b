package com.huifang.customer.consent.domain;

/** Who or what recorded a consent decision, kept with it as evidence. */
public enum ConsentSource {
    /** The customer asked, e.g. during a call or at the counter. */
    CUSTOMER_REQUEST,
    /** A staff member recorded it on the customer's behalf. */
    STAFF,
    /** A partner system pushed it. */
    PARTNER,
    /** An imported customer list carried it. */
    IMPORT,
    /** The customer answered a survey question or replied to an SMS (e.g. "TD" to unsubscribe). */
    CUSTOMER_REPLY,
    /** The customer's personal data was erased: never contact again. */
    ERASURE
}
