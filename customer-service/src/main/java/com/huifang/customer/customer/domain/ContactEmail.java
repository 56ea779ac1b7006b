package com.huifang.customer.customer.domain;

import java.util.Objects;

/** One of a customer's e-mail addresses, labelled, one of them primary. */
public record ContactEmail(String label, EmailAddress address, boolean primary) {

    public ContactEmail {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(address, "address");
    }
}
