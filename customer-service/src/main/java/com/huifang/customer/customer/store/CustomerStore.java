package com.huifang.customer.customer.store;

import com.huifang.customer.consent.domain.Channel;
import com.huifang.customer.consent.domain.ChannelConsent;
import com.huifang.customer.consent.domain.Consent;
import com.huifang.customer.consent.domain.ConsentSource;
import com.huifang.customer.consent.domain.ConsentStatus;
import com.huifang.customer.customer.domain.ChineseIdNumber;
import com.huifang.customer.customer.domain.ContactEmail;
import com.huifang.customer.customer.domain.ContactPhone;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.EmailAddress;
import com.huifang.customer.customer.domain.ErasureRequest;
import com.huifang.customer.customer.domain.PartnerReference;
import com.huifang.customer.customer.domain.PhoneNumber;
import com.huifang.customer.customer.domain.TimeWindow;
import com.huifang.customer.customer.domain.Title;
import com.huifang.customer.pii.domain.FieldCipher;
import com.huifang.customer.pii.domain.LookupHash;
import com.huifang.customer.pii.domain.PersonalField;
import com.huifang.platform.messaging.OutboxEntry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores the customer aggregate: encrypts personal fields on the way in, decrypts on the way out,
 * and writes changes conditionally on the version loaded, with their outbox entries in the same
 * single-document update (so a stale writer changes nothing and publishes nothing).
 */
@Component
public class CustomerStore {

    /** Every stored field but {@code _id} and {@code outbox}: set when present, unset when null. */
    private static final List<String> FIELDS = List.of("tenantId", "name", "title", "category", "tags", "preferredChannel",
            "preferredHours", "timeZone", "staffIds", "householdId", "siteId", "attributes", "partnerRefs", "phones",
            "emails", "idNumber", "phoneHashes", "consent", "erasedAt", "createdAt", "updatedAt", "version");

    private final ReactiveMongoTemplate mongo;
    private final FieldCipher cipher;
    private final LookupHash lookup;

    public CustomerStore(ReactiveMongoTemplate mongo, FieldCipher cipher, LookupHash lookup) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.lookup = lookup;
    }

    public Mono<Customer> find(String tenantId, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)),
                CustomerDocument.class).map(this::toDomain);
    }

    /** Inserts a new customer; fails with {@code DuplicateKeyException} when the id exists. */
    public Mono<Customer> insert(Customer customer, List<OutboxEntry> events) {
        CustomerDocument doc = toDocument(customer);
        doc.outbox.addAll(events);
        return mongo.insert(doc).thenReturn(customer);
    }

    /**
     * Writes {@code customer} if the stored version is still {@code loadedVersion}.
     *
     * @return false when someone else changed it first (nothing written)
     */
    public Mono<Boolean> update(Customer customer, long loadedVersion, List<OutboxEntry> events) {
        return update(customer, loadedVersion, events, Map.of());
    }

    /** {@link #update}, also setting {@code alsoSet} (paths outside the profile fields) in the same write. */
    public Mono<Boolean> update(Customer customer, long loadedVersion, List<OutboxEntry> events,
                                Map<String, Object> alsoSet) {
        Document fields = new Document();
        mongo.getConverter().write(toDocument(customer), fields);
        Update update = new Update();
        for (String field : FIELDS) {
            Object value = fields.get(field);
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        }
        alsoSet.forEach(update::set);
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        Query query = Query.query(Criteria.where("_id").is(customer.id()).and("tenantId").is(customer.tenantId())
                .and("version").is(loadedVersion));
        return mongo.updateFirst(query, update, CustomerDocument.class).map(r -> r.getModifiedCount() == 1);
    }

    /**
     * The customer's erasure request, if any, {@link ErasureRequest.State#PUBLISHED} once its
     * {@code CustomerErased} has left the outbox (the relay removes an entry only after the broker
     * acknowledged it).
     */
    public Mono<ErasureRequest> erasure(String tenantId, String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
        query.fields().include("erasure").include("outbox.eventId");
        return mongo.findOne(query, CustomerDocument.class)
                .filter(d -> d.erasure != null)
                .map(CustomerStore::erasureOf);
    }

    private static ErasureRequest erasureOf(CustomerDocument d) {
        CustomerDocument.StoredErasure e = d.erasure;
        ErasureRequest r = new ErasureRequest(e.requestId, ErasureRequest.State.valueOf(e.state),
                e.requestedAt, e.requestedBy, e.requestedByRole, e.anonymisedAt, e.erasedEventId,
                e.confirmations, e.completedAt);
        boolean pending = e.erasedEventId != null && d.outbox != null
                && d.outbox.stream().anyMatch(o -> e.erasedEventId.equals(o.eventId()));
        return r.relayed(pending);
    }

    /** An erasure request with the customer it belongs to. */
    public record CustomerErasure(String tenantId, String customerId, ErasureRequest request) {
    }

    /**
     * Records {@code service}'s confirmation of erasure request {@code requestId} with one field-level
     * conditional update: whatever the request's state, never replacing an earlier confirmation of
     * that service, never touching another service's (two services confirming at once both land).
     *
     * @return false when nothing was written: the request is not this tenant's customer's, or the
     * service had confirmed already
     */
    public Mono<Boolean> confirmErasure(String tenantId, String id, String requestId, String service,
                                        java.time.Instant at) {
        if (!ErasureRequest.isServiceName(service)) {
            return Mono.just(false);
        }
        String path = "erasure.confirmations." + service;
        Query query = Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)
                .and("erasure.requestId").is(requestId).and(path).exists(false));
        return mongo.updateFirst(query, new Update().set(path, at), CustomerDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    /**
     * Stamps the request complete with its audit entry in one write, only if the stored request still
     * is complete: anonymised, its {@code CustomerErased} no longer in the outbox, every expected
     * service confirmed, and not stamped before (so of two concurrent attempts one writes).
     *
     * @return false when nothing was written
     */
    public Mono<Boolean> completeErasure(String tenantId, String id, ErasureRequest request,
                                         java.util.Collection<String> expected, java.time.Instant at,
                                         OutboxEntry audit) {
        Criteria criteria = Criteria.where("_id").is(id).and("tenantId").is(tenantId)
                .and("erasure.requestId").is(request.requestId())
                .and("erasure.state").is(ErasureRequest.State.ANONYMISED.name())
                .and("erasure.completedAt").exists(false)
                .and("outbox.eventId").ne(request.erasedEventId());
        for (String service : expected) {
            criteria = criteria.and("erasure.confirmations." + service).exists(true);
        }
        return mongo.updateFirst(Query.query(criteria), new Update().set("erasure.completedAt", at).push("outbox", audit),
                CustomerDocument.class).map(r -> r.getModifiedCount() == 1);
    }

    /** Anonymised erasure requests not yet stamped complete, of every tenant (there are few). */
    public reactor.core.publisher.Flux<CustomerErasure> incompleteErasures() {
        Query query = Query.query(Criteria.where("erasure.requestId").exists(true)
                .and("erasure.state").is(ErasureRequest.State.ANONYMISED.name())
                .and("erasure.completedAt").exists(false));
        query.fields().include("tenantId").include("erasure").include("outbox.eventId");
        return mongo.find(query, CustomerDocument.class)
                .map(d -> new CustomerErasure(d.tenantId, d.id, erasureOf(d)));
    }

    /** How many erasure requests are stamped complete ({@code true}) or not yet ({@code false}), all tenants. */
    public Mono<Long> countErasures(boolean complete) {
        return mongo.count(Query.query(Criteria.where("erasure.requestId").exists(true)
                .and("erasure.completedAt").exists(complete)), CustomerDocument.class);
    }

    /**
     * Records an erasure request with its events, unless one is recorded already.
     *
     * @return false when the customer already has an erasure request (nothing written)
     */
    public Mono<Boolean> requestErasure(String tenantId, String id, ErasureRequest request, List<OutboxEntry> events) {
        Update update = new Update().set("erasure", stored(request));
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        Query query = Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId).and("erasure").is(null));
        return mongo.updateFirst(query, update, CustomerDocument.class).map(r -> r.getModifiedCount() == 1);
    }

    /** The fields an anonymising write sets on the erasure request, besides the profile. */
    public static Map<String, Object> anonymised(java.time.Instant at, String erasedEventId) {
        return Map.of("erasure.state", ErasureRequest.State.ANONYMISED.name(), "erasure.anonymisedAt", at,
                "erasure.erasedEventId", erasedEventId);
    }

    private static CustomerDocument.StoredErasure stored(ErasureRequest r) {
        CustomerDocument.StoredErasure e = new CustomerDocument.StoredErasure();
        e.requestId = r.requestId();
        e.state = r.state().name();
        e.requestedAt = r.requestedAt();
        e.requestedBy = r.requestedBy();
        e.requestedByRole = r.requestedByRole();
        e.anonymisedAt = r.anonymisedAt();
        e.erasedEventId = r.erasedEventId();
        e.confirmations = new java.util.LinkedHashMap<>(r.confirmations());
        e.completedAt = r.completedAt();
        return e;
    }

    /** The lookup hashes of a customer's phones (duplicate detection). */
    public List<String> phoneHashes(Customer customer) {
        return customer.profile().phones().stream()
                .map(p -> lookup.ofPhone(customer.tenantId(), p.number())).distinct().toList();
    }

    public CustomerDocument toDocument(Customer c) {
        CustomerProfile p = c.profile();
        CustomerDocument d = new CustomerDocument();
        d.id = c.id();
        d.tenantId = c.tenantId();
        d.name = p.name();
        d.title = p.title() == null ? null : p.title().name();
        d.category = p.category();
        d.tags = new ArrayList<>(p.tags());
        d.preferredChannel = p.preferredChannel() == null ? null : p.preferredChannel().name();
        d.preferredHours = p.preferredHours().stream().map(TimeWindow::toString).toList();
        d.timeZone = p.timeZone() == null ? null : p.timeZone().getId();
        d.staffIds = new ArrayList<>(p.staffIds());
        d.householdId = p.householdId();
        d.siteId = p.siteId();
        d.attributes = new java.util.LinkedHashMap<>(p.attributes());
        d.partnerRefs = p.partnerReferences().stream().map(r -> r.partnerId() + ":" + r.customerRef()).toList();
        d.phones = p.phones().stream().map(ph -> contact(ph.label(),
                cipher.encrypt(ph.number().canonical(), context(c.tenantId(), c.id(), PersonalField.PHONE)), ph.primary())).toList();
        d.emails = p.emails().stream().map(e -> contact(e.label(),
                cipher.encrypt(e.address().value(), context(c.tenantId(), c.id(), PersonalField.EMAIL)), e.primary())).toList();
        d.idNumber = p.idNumber() == null ? null
                : cipher.encrypt(p.idNumber().value(), context(c.tenantId(), c.id(), PersonalField.ID_NUMBER));
        d.phoneHashes = phoneHashes(c);
        d.consent = consent(c.consent());
        d.erasedAt = c.erasedAt().orElse(null);
        d.createdAt = c.createdAt();
        d.updatedAt = c.updatedAt();
        d.version = c.version();
        return d;
    }

    public Customer toDomain(CustomerDocument d) {
        List<ContactPhone> phones = d.phones == null ? List.of() : d.phones.stream()
                .map(s -> new ContactPhone(s.label, PhoneNumber.parse(cipher.decrypt(s.value,
                        context(d.tenantId, d.id, PersonalField.PHONE))), s.primary)).toList();
        List<ContactEmail> emails = d.emails == null ? List.of() : d.emails.stream()
                .map(s -> new ContactEmail(s.label, EmailAddress.parse(cipher.decrypt(s.value,
                        context(d.tenantId, d.id, PersonalField.EMAIL))), s.primary)).toList();
        ChineseIdNumber idNumber = d.idNumber == null ? null
                : ChineseIdNumber.parse(cipher.decrypt(d.idNumber, context(d.tenantId, d.id, PersonalField.ID_NUMBER)));
        List<PartnerReference> refs = d.partnerRefs == null ? List.of() : d.partnerRefs.stream().map(r -> {
            int colon = r.indexOf(':');
            return new PartnerReference(r.substring(0, colon), r.substring(colon + 1));
        }).toList();
        CustomerProfile profile = new CustomerProfile(d.name, phones, emails, d.category,
                d.tags == null ? Set.of() : new LinkedHashSet<>(d.tags),
                d.preferredChannel == null ? null : Channel.valueOf(d.preferredChannel),
                d.preferredHours == null ? List.of() : d.preferredHours.stream().map(h -> TimeWindow.validate(h).orThrow()).toList(),
                d.timeZone == null ? null : ZoneId.of(d.timeZone),
                d.staffIds == null ? List.of() : d.staffIds, d.householdId, d.siteId,
                d.attributes == null ? Map.of() : d.attributes, refs, idNumber,
                d.title == null ? null : Title.valueOf(d.title));
        return Customer.restore(d.id, d.tenantId, profile, consent(d.consent), d.version == null ? 0 : d.version,
                d.createdAt, d.updatedAt, d.erasedAt);
    }

    /** GCM associated data: a ciphertext copied to another customer, tenant or field does not decrypt. */
    private static String context(String tenantId, String customerId, PersonalField field) {
        return tenantId + "/" + customerId + "/" + field.name();
    }

    private static CustomerDocument.StoredContact contact(String label, String value, boolean primary) {
        CustomerDocument.StoredContact s = new CustomerDocument.StoredContact();
        s.label = label;
        s.value = value;
        s.primary = primary;
        return s;
    }

    private static CustomerDocument.StoredConsent consent(Consent c) {
        CustomerDocument.StoredConsent s = new CustomerDocument.StoredConsent();
        c.channels().forEach((channel, decision) -> {
            CustomerDocument.StoredChannelConsent sc = new CustomerDocument.StoredChannelConsent();
            sc.status = decision.status().name();
            sc.source = decision.source().name();
            sc.at = decision.at();
            s.channels.put(channel.name(), sc);
        });
        s.doNotContact = c.doNotContact();
        s.doNotContactSince = c.doNotContactSince();
        s.doNotContactSource = c.doNotContactSource() == null ? null : c.doNotContactSource().name();
        return s;
    }

    private static Consent consent(CustomerDocument.StoredConsent s) {
        if (s == null) {
            return Consent.initial();
        }
        Map<Channel, ChannelConsent> channels = new EnumMap<>(Channel.class);
        if (s.channels != null) {
            s.channels.forEach((name, sc) -> channels.put(Channel.valueOf(name), new ChannelConsent(Channel.valueOf(name),
                    ConsentStatus.valueOf(sc.status), ConsentSource.valueOf(sc.source), sc.at)));
        }
        return new Consent(channels, s.doNotContact, s.doNotContactSince,
                s.doNotContactSource == null ? null : ConsentSource.valueOf(s.doNotContactSource));
    }
}
