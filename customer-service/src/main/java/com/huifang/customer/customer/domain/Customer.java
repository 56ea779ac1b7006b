package com.huifang.customer.customer.domain;

import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.customer.consent.domain.Channel;
import com.huifang.customer.consent.domain.Consent;
import com.huifang.customer.consent.domain.ConsentChange;
import com.huifang.customer.consent.domain.ConsentSource;
import com.huifang.customer.pii.domain.Masking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The customer aggregate: a person or household of one tenant, its profile and its consent.
 * A plain object; each change bumps {@link #version()} by one and returns the event it causes
 * (to be written to the outbox in the same document write).
 *
 * <p>Optimistic concurrency: {@link #update} takes the version the caller last read (If-Match)
 * and refuses a stale one; the store writes conditionally on the version it loaded, so a
 * concurrent writer also fails instead of overwriting.
 */
public final class Customer {

    /** The name an erased customer keeps: nothing that identifies the person. */
    public static final String ERASED_NAME = "已删除客户";

    private final String id;
    private final String tenantId;
    private final Instant createdAt;
    private CustomerProfile profile;
    private Consent consent;
    private long version;
    private Instant updatedAt;
    private Instant erasedAt;

    private Customer(String id, String tenantId, CustomerProfile profile, Consent consent, long version,
                     Instant createdAt, Instant updatedAt, Instant erasedAt) {
        this.id = requireText(id, "id");
        this.tenantId = requireText(tenantId, "tenantId");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.erasedAt = erasedAt;
    }

    /** A new customer at version 0, with no consent decision recorded yet. */
    public static Customer create(String id, String tenantId, CustomerProfile profile, Instant now) {
        return new Customer(id, tenantId, profile, Consent.initial(), 0, now, now, null);
    }

    /** Rebuilds a stored customer (store adapter only). */
    public static Customer restore(String id, String tenantId, CustomerProfile profile, Consent consent, long version,
                                   Instant createdAt, Instant updatedAt, Instant erasedAt) {
        return new Customer(id, tenantId, profile, consent, version, createdAt, updatedAt, erasedAt);
    }

    /**
     * Replaces the profile.
     *
     * @throws StaleVersionException   when {@code expectedVersion} is not the current version
     * @throws CustomerErasedException when the customer was erased
     */
    public void update(CustomerProfile newProfile, long expectedVersion, Instant now) {
        requireNotErased();
        if (expectedVersion != version) {
            throw new StaleVersionException(id, expectedVersion, version);
        }
        this.profile = Objects.requireNonNull(newProfile, "profile");
        touch(now);
    }

    /**
     * Applies what a partner told about this customer (a service event's customer part): adds the
     * partner's reference if missing, takes the partner's name, and adds phones not yet known
     * (as non-primary, up to the limit). Partners do not remove data. Unconditional on version:
     * the store still writes conditionally on the version it loaded.
     *
     * @return whether anything changed
     */
    public boolean absorbPartnerDetails(PartnerReference reference, String name, List<PhoneNumber> phones, Instant now) {
        requireNotErased();
        List<PartnerReference> refs = new ArrayList<>(profile.partnerReferences());
        boolean changed = false;
        if (refs.stream().noneMatch(r -> r.partnerId().equals(reference.partnerId()))
                && refs.size() < CustomerProfile.MAX_PARTNER_REFERENCES) {
            refs.add(reference);
            changed = true;
        }
        String newName = profile.name();
        if (name != null && !name.isBlank() && !name.strip().equals(profile.name())
                && name.strip().codePointCount(0, name.strip().length()) <= CustomerProfile.MAX_NAME) {
            newName = name.strip();
            changed = true;
        }
        List<ContactPhone> contacts = new ArrayList<>(profile.phones());
        Set<String> known = profile.duplicateKeys();
        for (PhoneNumber phone : phones) {
            if (!known.contains(phone.canonical()) && contacts.size() < CustomerProfile.MAX_PHONES) {
                contacts.add(new ContactPhone("partner", phone, contacts.isEmpty()));
                changed = true;
            }
        }
        if (changed) {
            CustomerProfile p = profile;
            profile = new CustomerProfile(newName, contacts, p.emails(), p.category(), p.tags(), p.preferredChannel(),
                    p.preferredHours(), p.timeZone(), p.staffIds(), p.householdId(), p.siteId(), p.attributes(), refs,
                    p.idNumber(), p.title());
            touch(now);
        }
        return changed;
    }

    /**
     * Records a consent decision.
     *
     * @return the event scheduling reacts to at once (an opted-out customer is never dialled, even
     *         for visits already planned); empty when the decision was already recorded
     */
    public Optional<CustomerConsentChanged> changeConsent(ConsentChange change, Instant now) {
        requireNotErased();
        Optional<Consent> next = consent.apply(change, now);
        next.ifPresent(c -> {
            consent = c;
            touch(now);
        });
        return next.map(c -> consentChanged(change.source(), now));
    }

    /**
     * Honours an erasure request: anonymises every personal field (name, contacts, ID number,
     * tags, attributes, preferences, household, partner references) and sets do-not-contact, keeping
     * the aggregate facts reports need (id, tenant, category, staff, site, dates).
     *
     * @return the event every service anonymises its copies on; empty when already erased
     */
    public Optional<CustomerErased> erase(String requestId, Instant now) {
        requireText(requestId, "requestId");
        if (isErased()) {
            return Optional.empty();
        }
        CustomerProfile p = profile;
        profile = new CustomerProfile(ERASED_NAME, List.of(), List.of(), p.category(), Set.of(), null, List.of(), null,
                p.staffIds(), null, p.siteId(), Map.of(), List.of(), null, null);
        consent = new Consent(Map.of(), true, now, ConsentSource.ERASURE);
        erasedAt = now;
        touch(now);
        return Optional.of(new CustomerErased(id, requestId, now));
    }

    /**
     * The masked copy other services keep (worklists, call scripts), to be published with every
     * change of the profile: salutation, masked primary phone, the channels the record holds
     * contact data for, preferences, staff and household — never a plaintext phone or ID number.
     * Consent is not in it: {@link CustomerConsentChanged} carries that on its own.
     *
     * <p>Contact channels: PHONE for any phone, SMS for a mobile, EMAIL for an e-mail; HOME_VISIT
     * and LETTER only when they are the customer's preferred channel (the record holds no address).
     */
    public CustomerProfileChanged profileChanged(Instant now) {
        CustomerProfile p = profile;
        List<String> channels = new ArrayList<>();
        if (!p.phones().isEmpty()) {
            channels.add(Channel.PHONE.name());
        }
        if (p.phones().stream().anyMatch(ph -> ph.number().kind() == PhoneNumber.Kind.MOBILE)) {
            channels.add(Channel.SMS.name());
        }
        if (!p.emails().isEmpty()) {
            channels.add(Channel.EMAIL.name());
        }
        if (p.preferredChannel() != null && !channels.contains(p.preferredChannel().name())
                && (p.preferredChannel() == Channel.HOME_VISIT || p.preferredChannel() == Channel.LETTER)) {
            channels.add(p.preferredChannel().name());
        }
        return new CustomerProfileChanged(id, isErased() ? null : Salutation.of(p.name(), p.title()),
                p.title() == null ? null : p.title().chinese(),
                p.primaryPhone().map(Masking::phone).orElse(null),
                p.category(), channels, p.preferredChannel() == null ? null : p.preferredChannel().name(),
                p.preferredHours().stream().map(TimeWindow::toString).toList(),
                p.timeZone() == null ? null : p.timeZone().getId(), p.staffIds(),
                p.householdId() != null ? p.householdId() : p.siteId(), Math.toIntExact(version), now);
    }

    /** Whether the customer may be reached on {@code channel} now (false once erased). */
    public boolean mayContact(Channel channel) {
        return !isErased() && consent.allows(channel);
    }

    private CustomerConsentChanged consentChanged(ConsentSource source, Instant now) {
        List<String> optedOut = consent.optedOutChannels().stream().map(Enum::name).toList();
        return new CustomerConsentChanged(id, optedOut, consent.doNotContact(), source.name(), now);
    }

    private void touch(Instant now) {
        version++;
        updatedAt = Objects.requireNonNull(now, "now");
    }

    private void requireNotErased() {
        if (isErased()) {
            throw new CustomerErasedException(id);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public CustomerProfile profile() { return profile; }
    public Consent consent() { return consent; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Optional<Instant> erasedAt() { return Optional.ofNullable(erasedAt); }
    public boolean isErased() { return erasedAt != null; }
}
