package com.huifang.customer.customer;

import com.huifang.customer.consent.domain.Consent;
import com.huifang.customer.consent.domain.ConsentChange;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerDraft;
import com.huifang.customer.customer.domain.CustomerErasedException;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.ErasureRequest;
import com.huifang.customer.customer.domain.StaleVersionException;
import com.huifang.customer.customer.domain.Validated;
import com.huifang.customer.customer.store.CustomerKeys;
import com.huifang.customer.customer.store.CustomerStore;
import com.huifang.customer.support.DomainProblems;
import com.huifang.customer.support.Events;
import com.huifang.customer.support.TenantCodesSource;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.platform.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Use cases on the customer aggregate: each loads it, lets the domain decide, and writes the result
 * with its events conditionally on the version loaded.
 */
@Service
public class CustomerService {

    private final CustomerStore store;
    private final CustomerKeys keys;
    private final TenantCodesSource codes;
    private final AuditTrail audit;
    private final Clock clock;

    public CustomerService(CustomerStore store, CustomerKeys keys, TenantCodesSource codes, AuditTrail audit,
                           Clock clock) {
        this.store = store;
        this.keys = keys;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The {@code CustomerProfileChanged} of the customer's current version, as an outbox entry to
     * write with the change (its id derives from customer and version: a retried write keeps one event).
     */
    public static OutboxEntry profileChanged(Customer customer, String correlationId, Instant now) {
        return Events.entry(customer.id() + ":" + customer.version(), customer.profileChanged(now),
                customer.tenantId(), correlationId, now);
    }

    /** Creates a customer; 409 {@code duplicate-customer} with the existing id when a phone is already known. */
    public Mono<Customer> create(String tenantId, CustomerDraft draft) {
        return validate(tenantId, draft).flatMap(profile -> {
            Customer customer = Customer.create(UUID.randomUUID().toString(), tenantId, profile, clock.instant());
            return CorrelationId.current().flatMap(correlationId -> insertNew(customer,
                            List.of(profileChanged(customer, correlationId, customer.updatedAt()))))
                    .flatMap(existing -> existing.isPresent()
                            ? Mono.error(duplicate(existing.get()))
                            : Mono.just(customer));
        });
    }

    /**
     * Claims the customer's identity keys and inserts it.
     *
     * @return the id of the existing customer holding one of its phones or references, or empty when inserted
     */
    public Mono<Optional<String>> insertNew(Customer customer, List<OutboxEntry> events) {
        List<String> identity = identityKeys(customer);
        return keys.claimAll(customer.tenantId(), customer.id(), identity).flatMap(existing -> existing.isPresent()
                ? Mono.just(existing)
                : store.insert(customer, events).thenReturn(Optional.<String>empty())
                        .onErrorResume(org.springframework.dao.DuplicateKeyException.class,
                                dup -> Mono.just(Optional.of(customer.id()))));
    }

    public Mono<Customer> get(String tenantId, String id) {
        return store.find(tenantId, id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("customer", id)));
    }

    /**
     * Replaces the profile if {@code expectedVersion} is current: 412 (If-Match) or 409 (version in
     * the body) when stale, never a silent overwrite.
     */
    public Mono<Customer> update(String tenantId, String id, CustomerDraft draft, long expectedVersion,
                                 boolean ifMatch) {
        return get(tenantId, id).flatMap(customer -> validate(tenantId, draft).flatMap(profile -> {
            long loaded = customer.version();
            List<String> before = identityKeys(customer);
            try {
                customer.update(profile, expectedVersion, clock.instant());
            } catch (StaleVersionException e) {
                return Mono.error(stale(ifMatch, e.actual()));
            } catch (CustomerErasedException e) {
                return Mono.error(erased(id));
            }
            List<String> after = identityKeys(customer);
            List<String> added = after.stream().filter(k -> !before.contains(k)).toList();
            List<String> removed = before.stream().filter(k -> !after.contains(k)).toList();
            return keys.claimAll(tenantId, id, added).flatMap(existing -> {
                if (existing.isPresent()) {
                    return Mono.error(duplicate(existing.get()));
                }
                return CorrelationId.current().flatMap(correlationId -> store.update(customer, loaded,
                        List.of(profileChanged(customer, correlationId, customer.updatedAt())))).flatMap(written -> written
                        ? keys.release(id, removed).thenReturn(customer)
                        : keys.release(id, added).then(Mono.error(stale(ifMatch, -1))));
            });
        }));
    }

    /**
     * Applies consent changes; one {@code CustomerConsentChanged} (the final state) and its audit
     * entry in the same write.
     */
    public Mono<Customer> changeConsent(String tenantId, String id, List<ConsentChange> changes, AuditActor actor) {
        return get(tenantId, id).flatMap(customer -> CorrelationId.current().flatMap(correlationId -> {
            long loaded = customer.version();
            Consent before = customer.consent();
            Instant now = clock.instant();
            Optional<com.huifang.contracts.events.CustomerConsentChanged> last = Optional.empty();
            try {
                for (ConsentChange change : changes) {
                    var event = customer.changeConsent(change, now);
                    if (event.isPresent()) {
                        last = event;
                    }
                }
            } catch (CustomerErasedException e) {
                return Mono.error(erased(id));
            }
            if (last.isEmpty()) {
                return Mono.just(customer);
            }
            OutboxEntry entry = Events.entry(id + ":" + customer.version(), last.get(), tenantId, correlationId, now);
            AuditDraft draft = AuditDraft.by(actor, tenantId).action("customer.consent.changed").target("customer", id)
                    .before(consentSummary(before)).after(consentSummary(customer.consent()))
                    .reason(changes.get(changes.size() - 1).source().name()).build();
            OutboxEntry audited = audit.entry(draft, AuditTrail.idFor(entry.eventId()), now, correlationId);
            return store.update(customer, loaded, List.of(entry, audited))
                    .flatMap(written -> written ? Mono.just(customer) : Mono.error(stale(false, -1)));
        }));
    }

    /**
     * Honours an erasure request in two writes, so that it is visible while it is under way:
     * first the request is recorded with its audit entry ({@link ErasureRequest.State#REQUESTED}),
     * then the customer is anonymised, its phones and references freed, and {@code CustomerErased}
     * written in the same update ({@link ErasureRequest.State#ANONYMISED}). A repeated request
     * continues the recorded one (same request id) and writes nothing twice.
     */
    public Mono<Customer> erase(String tenantId, String id, String requestId, AuditActor actor) {
        return get(tenantId, id).flatMap(customer -> store.erasure(tenantId, id)
                .map(ErasureRequest::requestId)
                // erased before requests were recorded: nothing left to record
                .switchIfEmpty(Mono.defer(() -> customer.isErased() ? Mono.empty()
                        : recordErasureRequest(customer, requestId, actor)
                                .then(store.erasure(tenantId, id).map(ErasureRequest::requestId))))
                .flatMap(recorded -> customer.isErased() ? Mono.just(customer) : anonymise(tenantId, id, recorded))
                .defaultIfEmpty(customer));
    }

    /** A customer's erasure request, if one was made. */
    public Mono<ErasureRequest> erasure(String tenantId, String id) {
        return get(tenantId, id).then(store.erasure(tenantId, id));
    }

    private Mono<Boolean> recordErasureRequest(Customer customer, String requestId, AuditActor actor) {
        return CorrelationId.current().flatMap(correlationId -> {
            Instant now = clock.instant();
            ErasureRequest request = ErasureRequest.requested(requestId, actor.id(), actor.role(), now);
            AuditDraft draft = AuditDraft.by(actor, customer.tenantId()).action("customer.erasure.requested")
                    .target("customer", customer.id()).after(Map.of("requestId", requestId)).build();
            OutboxEntry audited = audit.entry(draft, AuditTrail.idFor("erasure:" + customer.id() + ":" + requestId), now,
                    correlationId);
            // false: a concurrent request was recorded first; it is the one continued
            return store.requestErasure(customer.tenantId(), customer.id(), request, List.of(audited));
        });
    }

    private Mono<Customer> anonymise(String tenantId, String id, String requestId) {
        return Mono.defer(() -> get(tenantId, id).flatMap(customer -> CorrelationId.current().flatMap(correlationId -> {
                    long loaded = customer.version();
                    List<String> identity = identityKeys(customer);
                    Instant now = clock.instant();
                    var event = customer.erase(requestId, now);
                    if (event.isEmpty()) {
                        return Mono.just(customer);
                    }
                    OutboxEntry entry = Events.entry(id, event.get(), tenantId, correlationId, now);
                    return store.update(customer, loaded, List.of(entry), CustomerStore.anonymised(now, entry.eventId()))
                            .flatMap(written -> written
                                    ? keys.release(id, identity).thenReturn(customer)
                                    : Mono.error(stale(false, -1)));
                })))
                // a concurrent update of the profile: the erasure wins on the next try
                .retryWhen(reactor.util.retry.Retry.max(3)
                        .filter(e -> e instanceof ApiProblem p && "stale-version".equals(p.code())));
    }

    private static Map<String, String> consentSummary(Consent consent) {
        return Map.of("optedOut", String.join(",", consent.optedOutChannels().stream().map(Enum::name).sorted().toList()),
                "doNotContact", Boolean.toString(consent.doNotContact()));
    }

    public Mono<CustomerProfile> validate(String tenantId, CustomerDraft draft) {
        return codes.of(tenantId).flatMap(c -> {
            Validated<CustomerProfile> v = CustomerProfile.validate(draft, c);
            return v.isValid() ? Mono.just(v.orThrow()) : Mono.error(DomainProblems.invalid(v.errors()));
        });
    }

    /** Phone lookup hashes and partner references: what makes two records one person. */
    public List<String> identityKeys(Customer customer) {
        Set<String> out = new java.util.LinkedHashSet<>();
        store.phoneHashes(customer).forEach(h -> out.add(CustomerKeys.phoneKey(h)));
        customer.profile().partnerReferences().forEach(r -> out.add(
                CustomerKeys.refKey(customer.tenantId(), r.partnerId(), r.customerRef())));
        return new ArrayList<>(out);
    }

    public static ApiProblem duplicate(String existingId) {
        return new ApiProblem(HttpStatus.CONFLICT, "duplicate-customer", "customer.duplicate", new Object[] {existingId},
                List.of(), Map.of("existingId", existingId));
    }

    static ApiProblem stale(boolean ifMatch, long current) {
        Map<String, Object> props = current >= 0 ? Map.of("currentVersion", current) : Map.of();
        return new ApiProblem(ifMatch ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, "stale-version",
                "problem.stale-version", new Object[0], List.of(), props);
    }

    static ApiProblem erased(String id) {
        return ApiProblem.conflict("customer-erased", "customer.erased", id);
    }
}
