package com.huifang.customer.serviceevent;

import com.huifang.customer.customer.CustomerService;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.domain.CustomerDraft;
import com.huifang.customer.customer.domain.CustomerProfile;
import com.huifang.customer.customer.domain.FieldError;
import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.customer.domain.Validated;
import com.huifang.customer.customer.store.CustomerKeys;
import com.huifang.customer.customer.store.CustomerStore;
import com.huifang.customer.partner.domain.PartnerBatch;
import com.huifang.customer.partner.domain.PartnerServiceEvent;
import com.huifang.customer.partner.web.PartnerEventRequest;
import com.huifang.customer.pii.domain.LookupHash;
import com.huifang.customer.serviceevent.store.ServiceEventDocument;
import com.huifang.customer.support.DomainProblems;
import com.huifang.customer.support.Events;
import com.huifang.customer.support.TenantCodesSource;
import com.huifang.platform.correlation.CorrelationId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records a partner's service event exactly once. A replay of the same partner event id finds the
 * event by its deterministic id and returns the first result, storing nothing. A new event is
 * validated by the domain, its customer found by the partner's reference or by a phone (the same
 * person pushed twice is one customer: details are merged) or created, and the event inserted
 * together with its {@code ServiceEventRecorded} outbox entry; the unique {@code _id} settles a
 * concurrent replay.
 */
@Service
public class ServiceEventIntake {

    private static final int MAX_STAFF_FROM_PARTNER = CustomerProfile.MAX_STAFF;

    private final ReactiveMongoTemplate mongo;
    private final CustomerService customers;
    private final CustomerStore store;
    private final CustomerKeys keys;
    private final LookupHash lookup;
    private final TenantCodesSource codes;
    private final Clock clock;

    public ServiceEventIntake(ReactiveMongoTemplate mongo, CustomerService customers, CustomerStore store,
                              CustomerKeys keys, LookupHash lookup, TenantCodesSource codes, Clock clock) {
        this.mongo = mongo;
        this.customers = customers;
        this.store = store;
        this.keys = keys;
        this.lookup = lookup;
        this.codes = codes;
        this.clock = clock;
    }

    public record Result(String serviceEventId, String customerId, boolean duplicate) {
    }

    /** One item's outcome in a batch: a result, or the item's field errors. */
    public record ItemOutcome(int index, String partnerEventId, Result result, List<FieldError> errors) {
    }

    /** Records one event, or fails with a 400 problem listing the domain's field errors. */
    public Mono<Result> record(String tenantId, String partnerId, String partnerEventId, String source,
                               PartnerEventRequest request) {
        String serviceEventId = serviceEventId(tenantId, partnerId, partnerEventId);
        return replay(serviceEventId).switchIfEmpty(Mono.defer(() -> codes.of(tenantId).flatMap(tenantCodes -> {
            Validated<PartnerServiceEvent> v = PartnerServiceEvent.validate(partnerId,
                    request.toDraft(partnerEventId), tenantCodes, clock.instant());
            List<FieldError> errors = new ArrayList<>(v.errors());
            errors.addAll(staffErrors(request.staffIds()));
            if (!errors.isEmpty()) {
                return Mono.error(DomainProblems.invalid(errors));
            }
            return recordValid(tenantId, v.orThrow(), request.staffIds(), source, serviceEventId, tenantCodes);
        })));
    }

    /**
     * Records a batch item by item (one bad item does not reject the others); a repeated id within
     * the batch gets the first item's result.
     */
    public Mono<List<ItemOutcome>> recordBatch(String tenantId, String partnerId, String source,
                                               List<String> eventIds, List<PartnerEventRequest> requests) {
        return codes.of(tenantId).flatMap(tenantCodes -> {
            List<com.huifang.customer.partner.domain.PartnerServiceEventDraft> drafts = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                drafts.add(requests.get(i) == null ? null : requests.get(i).toDraft(eventIds.get(i)));
            }
            List<PartnerBatch.ItemResult> validated = PartnerBatch.validate(partnerId, drafts, tenantCodes,
                    clock.instant());
            ItemOutcome[] outcomes = new ItemOutcome[validated.size()];
            return Flux.fromIterable(validated).concatMap(item -> {
                int i = item.index();
                Mono<ItemOutcome> outcome = switch (item.status()) {
                    case REJECTED -> Mono.just(new ItemOutcome(i, item.partnerEventId(), null, item.errors()));
                    case DUPLICATE_IN_BATCH -> Mono.fromSupplier(() -> {
                        ItemOutcome first = outcomes[item.duplicateOf()];
                        return new ItemOutcome(i, item.partnerEventId(),
                                first.result() == null ? null
                                        : new Result(first.result().serviceEventId(), first.result().customerId(), true),
                                first.errors());
                    });
                    case ACCEPTED -> {
                        List<String> staff = requests.get(i).staffIds();
                        List<FieldError> staffErrors = staffErrors(staff);
                        if (!staffErrors.isEmpty()) {
                            yield Mono.just(new ItemOutcome(i, item.partnerEventId(), null, staffErrors));
                        }
                        String id = serviceEventId(tenantId, partnerId, item.partnerEventId());
                        yield replay(id)
                                .switchIfEmpty(Mono.defer(() -> recordValid(tenantId, item.event(), staff, source, id,
                                        tenantCodes)))
                                .map(r -> new ItemOutcome(i, item.partnerEventId(), r, List.of()));
                    }
                };
                return outcome.doOnNext(o -> outcomes[i] = o);
            }).collectList();
        });
    }

    private Mono<Result> replay(String serviceEventId) {
        return mongo.findById(serviceEventId, ServiceEventDocument.class)
                .map(existing -> new Result(existing.id, existing.customerId, true));
    }

    private Mono<Result> recordValid(String tenantId, PartnerServiceEvent event, List<String> staffIds, String source,
                                     String serviceEventId, TenantCodes tenantCodes) {
        Instant now = clock.instant();
        return Mono.defer(() -> resolveCustomer(tenantId, event, staffIds, tenantCodes, now))
                .retryWhen(Retry.max(3).filter(StaleCustomer.class::isInstance))
                .flatMap(customer -> CorrelationId.current().flatMap(correlationId -> {
                    ServiceEventDocument doc = document(tenantId, event, source, customer, serviceEventId, now);
                    doc.outbox.add(Events.entry(serviceEventId, event.recorded(serviceEventId, customer, source),
                            tenantId, correlationId, now));
                    return mongo.insert(doc)
                            .map(saved -> new Result(serviceEventId, customer.id(), false))
                            .onErrorResume(DuplicateKeyException.class,
                                    dup -> Mono.just(new Result(serviceEventId, customer.id(), true)));
                }));
    }

    /** The customer by the partner's reference, else by a phone, else a new one. */
    private Mono<Customer> resolveCustomer(String tenantId, PartnerServiceEvent event, List<String> staffIds,
                                           TenantCodes tenantCodes, Instant now) {
        PartnerServiceEvent.PartnerCustomer pc = event.customer();
        String refKey = CustomerKeys.refKey(tenantId, event.partnerId(), pc.reference().customerRef());
        List<String> phoneKeys = pc.phones().stream()
                .map(p -> CustomerKeys.phoneKey(lookup.ofPhone(tenantId, p))).toList();
        return keys.owner(refKey)
                .flatMap(id -> store.find(tenantId, id))
                .filter(c -> !c.isErased())
                .switchIfEmpty(Mono.defer(() -> keys.firstOwner(phoneKeys, "")
                        .flatMap(id -> store.find(tenantId, id))
                        .filter(c -> !c.isErased())))
                .flatMap(existing -> absorb(existing, event, staffIds, now))
                .switchIfEmpty(Mono.defer(() -> create(tenantId, event, staffIds, tenantCodes, now)));
    }

    private Mono<Customer> absorb(Customer customer, PartnerServiceEvent event, List<String> staffIds, Instant now) {
        long loaded = customer.version();
        List<String> before = customers.identityKeys(customer);
        PartnerServiceEvent.PartnerCustomer pc = event.customer();
        boolean changed = customer.absorbPartnerDetails(pc.reference(), pc.name(), pc.phones(), now);
        CustomerProfile p = customer.profile();
        List<String> staff = new ArrayList<>(p.staffIds());
        staffIds.stream().map(String::strip).filter(s -> !staff.contains(s))
                .forEach(s -> {
                    if (staff.size() < MAX_STAFF_FROM_PARTNER) {
                        staff.add(s);
                    }
                });
        String category = pc.category() != null ? pc.category() : p.category();
        if (!staff.equals(p.staffIds()) || !category.equals(p.category())) {
            customer.update(new CustomerProfile(p.name(), p.phones(), p.emails(), category, p.tags(),
                    p.preferredChannel(), p.preferredHours(), p.timeZone(), staff, p.householdId(), p.siteId(),
                    p.attributes(), p.partnerReferences(), p.idNumber(), p.title()), customer.version(), now);
            changed = true;
        }
        if (!changed) {
            return Mono.just(customer);
        }
        List<String> added = customers.identityKeys(customer).stream().filter(k -> !before.contains(k)).toList();
        // a phone another customer already holds stays unclaimed: the partner's record is merged here all the same
        return Flux.fromIterable(added)
                .concatMap(k -> keys.claimAll(customer.tenantId(), customer.id(), List.of(k)))
                .then(CorrelationId.current())
                .flatMap(correlationId -> store.update(customer, loaded,
                        List.of(CustomerService.profileChanged(customer, correlationId, now))))
                .flatMap(written -> written ? Mono.just(customer) : Mono.error(new StaleCustomer()));
    }

    private Mono<Customer> create(String tenantId, PartnerServiceEvent event, List<String> staffIds,
                                  TenantCodes tenantCodes, Instant now) {
        CustomerDraft d = event.toCustomerDraft();
        List<String> staff = new ArrayList<>(d.staffIds());
        staffIds.stream().map(String::strip).filter(s -> !staff.contains(s)).forEach(staff::add);
        String name = d.name() != null ? d.name() : placeholderName(event.customer().reference().customerRef());
        CustomerDraft draft = new CustomerDraft(name, d.phones(), d.emails(), d.category(), d.tags(),
                d.preferredChannel(), d.preferredHours(), d.timeZone(),
                staff.subList(0, Math.min(staff.size(), MAX_STAFF_FROM_PARTNER)), d.householdId(), d.siteId(),
                d.attributes(), d.partnerReferences(), d.idNumber(), d.title());
        Validated<CustomerProfile> profile = CustomerProfile.validate(draft, tenantCodes);
        if (!profile.isValid()) {
            return Mono.error(DomainProblems.invalid(profile.errors().stream().map(e -> e.under("customer")).toList()));
        }
        // the partner's reference names one id, so concurrent first pushes meet on one document;
        // a reference seen again after its customer was erased starts a new customer
        String refId = Events.idOf("customer", tenantId, event.partnerId(), event.customer().reference().customerRef());
        return store.find(tenantId, refId).map(Customer::isErased).defaultIfEmpty(false).flatMap(erased -> {
            String id = erased ? java.util.UUID.randomUUID().toString() : refId;
            Customer customer = Customer.create(id, tenantId, profile.orThrow(), now);
            return CorrelationId.current().flatMap(correlationId -> customers.insertNew(customer,
                    List.of(CustomerService.profileChanged(customer, correlationId, now)))).flatMap(existing -> existing.isPresent()
                    // created meanwhile (a concurrent push, or the phone was claimed): merged into it on the retry
                    ? Mono.error(new StaleCustomer())
                    : Mono.just(customer));
        });
    }

    /** A customer a partner names without a name: shown by the partner's reference until one is given. */
    private static String placeholderName(String ref) {
        String name = "客户 " + ref;
        return name.length() > CustomerProfile.MAX_NAME ? name.substring(0, CustomerProfile.MAX_NAME) : name;
    }

    private static List<FieldError> staffErrors(List<String> staffIds) {
        List<FieldError> errors = new ArrayList<>();
        if (staffIds.size() > MAX_STAFF_FROM_PARTNER) {
            errors.add(new FieldError("customer.staffIds", "too-many", "at most " + MAX_STAFF_FROM_PARTNER));
            return errors;
        }
        for (int i = 0; i < staffIds.size(); i++) {
            String s = staffIds.get(i);
            if (s == null || !CustomerProfile.ID.matcher(s.strip()).matches()) {
                errors.add(new FieldError("customer.staffIds[" + i + "]", "id-format",
                        "letters, digits and _ : . - only, at most 64"));
            }
        }
        return errors;
    }

    private static String serviceEventId(String tenantId, String partnerId, String partnerEventId) {
        return Events.idOf("service-event", tenantId, partnerId, partnerEventId);
    }

    private static ServiceEventDocument document(String tenantId, PartnerServiceEvent event, String source,
                                                 Customer customer, String id, Instant now) {
        ServiceEventDocument doc = new ServiceEventDocument();
        doc.id = id;
        doc.tenantId = tenantId;
        doc.customerId = customer.id();
        doc.type = event.type();
        doc.occurredAt = event.occurredAt();
        doc.scheduledAt = event.scheduledAt();
        doc.source = source;
        doc.partnerId = event.partnerId();
        doc.partnerEventId = event.partnerEventId();
        doc.attributes = Map.copyOf(event.attributes());
        doc.recordedAt = now;
        return doc;
    }

    /** The customer changed (or was created) between read and write: resolve again. */
    private static final class StaleCustomer extends RuntimeException {
        StaleCustomer() {
            super("customer changed concurrently", null, false, false);
        }
    }
}
