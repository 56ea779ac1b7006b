package com.huifang.customer.customer.domain;

/** The customer's personal data was erased: it can no longer be changed or contacted (409/410). */
public class CustomerErasedException extends RuntimeException {

    public CustomerErasedException(String customerId) {
        super("customer " + customerId + " was erased");
    }
}
