package com.huifang.customer.customer.domain;

import java.util.Objects;

/** One of a customer's phone numbers, with a label (手机, 家里, 单位, mobile…) and whether it is the primary one. */
public record ContactPhone(String label, PhoneNumber number, boolean primary) {

    public ContactPhone {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(number, "number");
    }
}
