package com.huifang.customer.consent.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's contact consent (客户自愿原则): a decision per channel and a do-not-contact flag.
 *
 * <p>A channel with no recorded decision may be used: the service relationship the customer
 * entered implies it until they refuse. An opt-out closes that channel only (a customer who
 * refuses calls is reached by SMS or e-mail instead); do-not-contact closes every channel whatever
 * the per-channel decisions say, and lifting it restores them as they were. Immutable.
 *
 * @param channels          recorded per-channel decisions
 * @param doNotContact      the customer refuses all contact
 * @param doNotContactSince when do-not-contact was last set or lifted (null if never)
 * @param doNotContactSource who set or lifted it (null if never)
 */
public record Consent(Map<Channel, ChannelConsent> channels, boolean doNotContact,
                      Instant doNotContactSince, ConsentSource doNotContactSource) {

    public Consent {
        EnumMap<Channel, ChannelConsent> copy = new EnumMap<>(Channel.class);
        copy.putAll(channels);
        copy.forEach((ch, c) -> {
            if (c.channel() != ch) {
                throw new IllegalArgumentException("decision for " + c.channel() + " filed under " + ch);
            }
        });
        channels = Collections.unmodifiableMap(copy);
    }

    /** No decision recorded: every channel may be used. */
    public static Consent initial() {
        return new Consent(Map.of(), false, null, null);
    }

    public boolean allows(Channel channel) {
        return !doNotContact && statusOf(channel).orElse(ConsentStatus.OPTED_IN) == ConsentStatus.OPTED_IN;
    }

    public Optional<ConsentStatus> statusOf(Channel channel) {
        return Optional.ofNullable(channels.get(channel)).map(ChannelConsent::status);
    }

    /** Channels the customer explicitly refused (do-not-contact is reported apart). */
    public Set<Channel> optedOutChannels() {
        EnumSet<Channel> out = EnumSet.noneOf(Channel.class);
        channels.values().stream().filter(c -> c.status() == ConsentStatus.OPTED_OUT).forEach(c -> out.add(c.channel()));
        return Collections.unmodifiableSet(out);
    }

    /**
     * The consent after {@code change}, or empty when it changes nothing (the same decision
     * recorded again: the first record and its source stay as evidence).
     */
    public Optional<Consent> apply(ConsentChange change, Instant at) {
        Objects.requireNonNull(at, "at");
        return switch (change.kind()) {
            case OPT_IN -> record(change.channel(), ConsentStatus.OPTED_IN, change.source(), at);
            case OPT_OUT -> record(change.channel(), ConsentStatus.OPTED_OUT, change.source(), at);
            case DO_NOT_CONTACT -> doNotContact
                    ? Optional.empty()
                    : Optional.of(new Consent(channels, true, at, change.source()));
            case ALLOW_CONTACT -> !doNotContact
                    ? Optional.empty()
                    : Optional.of(new Consent(channels, false, at, change.source()));
        };
    }

    private Optional<Consent> record(Channel channel, ConsentStatus status, ConsentSource source, Instant at) {
        if (statusOf(channel).orElse(null) == status) {
            return Optional.empty();
        }
        EnumMap<Channel, ChannelConsent> next = new EnumMap<>(Channel.class);
        next.putAll(channels);
        next.put(channel, new ChannelConsent(channel, status, source, at));
        return Optional.of(new Consent(next, doNotContact, doNotContactSince, doNotContactSource));
    }
}
