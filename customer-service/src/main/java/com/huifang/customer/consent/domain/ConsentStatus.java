package com.huifang.customer.consent.domain;

public enum ConsentStatus {
    OPTED_IN, OPTED_OUT
}
