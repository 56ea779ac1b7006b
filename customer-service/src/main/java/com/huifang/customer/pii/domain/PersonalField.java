package com.huifang.customer.pii.domain;

/** Personal fields stored encrypted, shown masked, revealed only with a reason. */
public enum PersonalField {
    PHONE, ID_NUMBER, EMAIL
}
