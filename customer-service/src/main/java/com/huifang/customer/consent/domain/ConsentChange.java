package com.huifang.customer.consent.domain;

import java.util.Objects;

/**
 * A request to change consent.
 *
 * @param kind    what to change
 * @param channel the channel, for {@link Kind#OPT_IN} and {@link Kind#OPT_OUT}; null otherwise
 * @param source  who asked
 */
public record ConsentChange(Kind kind, Channel channel, ConsentSource source) {

    public enum Kind {
        OPT_IN, OPT_OUT,
        /** Refuse all contact on every channel. */
        DO_NOT_CONTACT,
        /** Lift a do-not-contact; per-channel opt-outs stay as they were. */
        ALLOW_CONTACT
    }

    public ConsentChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        boolean perChannel = kind == Kind.OPT_IN || kind == Kind.OPT_OUT;
        if (perChannel != (channel != null)) {
            throw new IllegalArgumentException(perChannel
                    ? kind + " needs a channel" : kind + " applies to all channels, not to " + channel);
        }
    }

    public static ConsentChange optIn(Channel channel, ConsentSource source) {
        return new ConsentChange(Kind.OPT_IN, channel, source);
    }

    public static ConsentChange optOut(Channel channel, ConsentSource source) {
        return new ConsentChange(Kind.OPT_OUT, channel, source);
    }

    public static ConsentChange doNotContact(ConsentSource source) {
        return new ConsentChange(Kind.DO_NOT_CONTACT, null, source);
    }

    public static ConsentChange allowContact(ConsentSource source) {
        return new ConsentChange(Kind.ALLOW_CONTACT, null, source);
    }
}
