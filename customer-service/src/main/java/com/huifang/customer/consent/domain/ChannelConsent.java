package com.huifang.customer.consent.domain;

import java.time.Instant;
import java.util.Objects;

/** The customer's recorded decision for one channel, with its source and time. */
public record ChannelConsent(Channel channel, ConsentStatus status, ConsentSource source, Instant at) {

    public ChannelConsent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
