package com.huifang.customer.customer.domain;

/** An update named a version the customer no longer has: someone else changed it first (412/409, never a silent overwrite). */
public class StaleVersionException extends RuntimeException {

    private final long expected;
    private final long actual;

    public StaleVersionException(String customerId, long expected, long actual) {
        super("customer " + customerId + " is at version " + actual + ", the update expected " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
