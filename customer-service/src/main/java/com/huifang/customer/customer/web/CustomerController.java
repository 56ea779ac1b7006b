package com.huifang.customer.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huifang.customer.consent.domain.Channel;
import com.huifang.customer.consent.domain.ConsentChange;
import com.huifang.customer.consent.domain.ConsentSource;
import com.huifang.customer.customer.CustomerService;
import com.huifang.customer.customer.ErasureProgress;
import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.customer.store.CustomerDocument;
import com.huifang.customer.customer.store.CustomerStore;
import com.huifang.customer.pii.PersonalDataReveal;
import com.huifang.customer.pii.domain.PersonalField;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.problem.InvalidField;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
@Validated
public class CustomerController {

    private static final Role[] WRITERS = {Role.ADMIN, Role.SUPERVISOR, Role.AGENT};

    private final CustomerService customers;
    private final CustomerStore store;
    private final PersonalDataReveal reveal;
    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper json;
    private final ErasureProgress erasures;

    public CustomerController(CustomerService customers, CustomerStore store, PersonalDataReveal reveal,
                              ReactiveMongoTemplate mongo, ObjectMapper json, ErasureProgress erasures) {
        this.customers = customers;
        this.store = store;
        this.reveal = reveal;
        this.mongo = mongo;
        this.json = json;
        this.erasures = erasures;
    }

    @PostMapping
    @Operation(summary = "Create a customer",
            description = "409 duplicate-customer (with existingId) when one of the phones belongs to a customer already.")
    public Mono<ResponseEntity<CustomerView>> create(Caller caller, @RequestBody CustomerRequest request) {
        return requireRole(caller, WRITERS)
                .then(customers.create(caller.tenantId(), request.toDraft()))
                .map(c -> ResponseEntity.created(URI.create("/api/customers/" + c.id()))
                        .eTag(etag(c)).body(CustomerView.of(c)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer of the caller's tenant (personal fields masked)")
    public Mono<ResponseEntity<CustomerView>> get(Caller caller, @PathVariable String id) {
        return customers.get(caller.tenantId(), id).map(CustomerController::ok);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a customer's profile",
            description = "Needs If-Match (the ETag read; 412 when stale) or a version in the body (409 when stale).")
    public Mono<ResponseEntity<CustomerView>> replace(Caller caller, @PathVariable String id,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                      @RequestBody CustomerRequest request) {
        return requireRole(caller, WRITERS)
                .then(Mono.defer(() -> expectedVersion(ifMatch, request.version())))
                .flatMap(expected -> customers.update(caller.tenantId(), id, request.toDraft(), expected, ifMatch != null))
                .map(CustomerController::ok);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change some fields of a customer (JSON merge patch of the top-level fields)",
            description = "Needs If-Match or a version in the body, like PUT.")
    public Mono<ResponseEntity<CustomerView>> patch(Caller caller, @PathVariable String id,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    @RequestBody JsonNode patch) {
        if (!(patch instanceof ObjectNode changes)) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed-request"));
        }
        Long bodyVersion = changes.hasNonNull("version") && changes.get("version").canConvertToLong()
                ? changes.get("version").asLong() : null;
        return requireRole(caller, WRITERS)
                .then(Mono.defer(() -> expectedVersion(ifMatch, bodyVersion)))
                .flatMap(expected -> customers.get(caller.tenantId(), id).flatMap(current -> {
                    ObjectNode merged = json.valueToTree(CustomerRequest.of(current));
                    merged.setAll(changes);
                    CustomerRequest request;
                    try {
                        request = json.treeToValue(merged, CustomerRequest.class);
                    } catch (Exception e) {
                        return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request",
                                "problem.malformed-request"));
                    }
                    return customers.update(caller.tenantId(), id, request.toDraft(), expected, ifMatch != null);
                }))
                .map(CustomerController::ok);
    }

    public record CustomerPage(List<CustomerView> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Customers of the caller's tenant, a page at a time, with the total",
            description = "Filters: category, tag, staffId, name (any part of it: 三 finds 张三).")
    public Mono<CustomerPage> list(Caller caller,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(required = false) String tag,
                                   @RequestParam(required = false) String staffId,
                                   @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 64) String name,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (name != null && name.chars().anyMatch(Character::isISOControl)) {
            // a regular expression is a C string in BSON: a NUL cannot even be sent
            return Mono.error(ApiProblem.invalidField("name", "control-characters", "customer.field.control-characters"));
        }
        Criteria criteria = Criteria.where("tenantId").is(caller.tenantId());
        if (category != null && !category.isBlank()) {
            criteria = criteria.and("category").is(category.strip());
        }
        if (tag != null && !tag.isBlank()) {
            criteria = criteria.and("tags").is(tag.strip());
        }
        if (staffId != null && !staffId.isBlank()) {
            criteria = criteria.and("staffIds").is(staffId.strip());
        }
        if (name != null && !name.isBlank()) {
            criteria = criteria.and("name").regex(Pattern.quote(name.strip()));
        }
        Query query = Query.query(criteria);
        return mongo.find(Query.of(query).with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size),
                        CustomerDocument.class)
                .map(store::toDomain)
                .map(CustomerView::of)
                .collectList()
                .zipWith(mongo.count(query, CustomerDocument.class))
                .map(t -> new CustomerPage(t.getT1(), page, size, t.getT2()));
    }

    public record RevealRequest(String field, String reason) {
    }

    @PostMapping("/{id}/reveal")
    @Operation(summary = "Reveal a personal field in clear, with a reason (supervisors, admins, auditors; audited)")
    public Mono<PersonalDataReveal.Revealed> reveal(Caller caller, @PathVariable String id,
                                                    @RequestBody RevealRequest request) {
        PersonalField field;
        try {
            field = PersonalField.valueOf(request.field() == null ? "" : request.field().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.error(ApiProblem.invalidField("field", "unknown-code", "customer.field.unknown-code"));
        }
        return customers.get(caller.tenantId(), id)
                .flatMap(c -> reveal.reveal(caller, c, field, request.reason()));
    }

    /**
     * @param channels     channel (PHONE, SMS, EMAIL, HOME_VISIT, LETTER) → OPTED_IN or OPTED_OUT
     * @param doNotContact true: refuse all contact; false: lift it; absent: unchanged
     * @param source       CUSTOMER_REQUEST, STAFF, CUSTOMER_REPLY… (default STAFF)
     */
    public record ConsentRequest(Map<String, String> channels, Boolean doNotContact, String source) {
    }

    @PutMapping("/{id}/consent")
    @Operation(summary = "Record consent decisions (客户自愿原则)",
            description = "Publishes CustomerConsentChanged so that scheduling stops dialling an opted-out customer at once.")
    public Mono<ResponseEntity<CustomerView>> consent(Caller caller, @PathVariable String id,
                                                      @RequestBody ConsentRequest request) {
        List<InvalidField> invalid = new ArrayList<>();
        ConsentSource source = ConsentSource.STAFF;
        if (request.source() != null) {
            try {
                source = ConsentSource.valueOf(request.source().strip());
                if (source == ConsentSource.ERASURE) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                invalid.add(InvalidField.of("source", "unknown-code", "customer.field.unknown-code"));
            }
        }
        List<ConsentChange> changes = new ArrayList<>();
        if (request.channels() != null) {
            for (var e : request.channels().entrySet()) {
                try {
                    Channel channel = Channel.valueOf(e.getKey());
                    switch (e.getValue() == null ? "" : e.getValue()) {
                        case "OPTED_IN" -> changes.add(ConsentChange.optIn(channel, source));
                        case "OPTED_OUT" -> changes.add(ConsentChange.optOut(channel, source));
                        default -> invalid.add(InvalidField.of("channels." + e.getKey(), "unknown-code",
                                "customer.field.unknown-code"));
                    }
                } catch (IllegalArgumentException ex) {
                    invalid.add(InvalidField.of("channels", "unknown-code", "customer.field.unknown-code"));
                }
            }
        }
        if (request.doNotContact() != null) {
            changes.add(request.doNotContact() ? ConsentChange.doNotContact(source) : ConsentChange.allowContact(source));
        }
        if (changes.isEmpty() && invalid.isEmpty()) {
            invalid.add(InvalidField.of("channels", "required", "customer.field.required"));
        }
        if (!invalid.isEmpty()) {
            return Mono.error(ApiProblem.invalid(invalid));
        }
        return requireRole(caller, WRITERS)
                .then(customers.changeConsent(caller.tenantId(), id, changes, AuditActor.of(caller)))
                .map(CustomerController::ok);
    }

    public record ErasureRequest(String requestId) {
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "Honour an erasure request: anonymise the customer and publish CustomerErased (admins, supervisors)")
    public Mono<ResponseEntity<CustomerView>> erase(Caller caller, @PathVariable String id,
                                                    @RequestBody(required = false) ErasureRequest request) {
        String requestId = request == null || request.requestId() == null || request.requestId().isBlank()
                ? UUID.randomUUID().toString() : request.requestId().strip();
        if (requestId.length() > 128) {
            return Mono.error(ApiProblem.invalidField("requestId", "too-long", "customer.field.too-long"));
        }
        return requireRole(caller, Role.ADMIN, Role.SUPERVISOR)
                .then(customers.erase(caller.tenantId(), id, requestId, AuditActor.of(caller)))
                .map(CustomerController::ok);
    }

    /**
     * @param state            REQUESTED, ANONYMISED (here; event not yet relayed) or PUBLISHED (CustomerErased sent)
     * @param status           PENDING or COMPLETE (published and confirmed by every service expected to hold a
     *                         copy, {@code huifang.customer.erasure.confirming-services})
     * @param expectedServices the services expected to confirm their own anonymisation
     * @param pendingServices  those of them that have not confirmed yet
     * @param confirmations    service → when it confirmed (also services beyond the expected ones)
     * @param completedAt      when the request was first found complete (audited as customer.erasure.completed)
     */
    public record ErasureView(String requestId, String state, String status, Instant requestedAt, String requestedBy,
                              String requestedByRole, Instant anonymisedAt, List<String> expectedServices,
                              List<String> pendingServices, Map<String, Instant> confirmations, Instant completedAt) {
    }

    @GetMapping("/{id}/erasure")
    @Operation(summary = "The customer's erasure request and how far it got (supervisors, admins, auditors)",
            description = "404 when no erasure was requested. COMPLETE once CustomerErased was published and every "
                    + "expected service confirmed its anonymisation (CustomerErasureConfirmed); PENDING until then.")
    public Mono<ErasureView> erasure(Caller caller, @PathVariable String id) {
        List<String> expected = erasures.expectedServices();
        return requireRole(caller, Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR)
                .then(customers.erasure(caller.tenantId(), id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("erasure", id)))
                .map(r -> new ErasureView(r.requestId(), r.state().name(),
                        r.isComplete(expected) ? "COMPLETE" : "PENDING", r.requestedAt(), r.requestedBy(),
                        r.requestedByRole(), r.anonymisedAt(), expected, r.pendingServices(expected),
                        new java.util.TreeMap<>(r.confirmations()), r.completedAt()));
    }

    private static Mono<Void> requireRole(Caller caller, Role... roles) {
        return caller.hasAnyRole(roles) ? Mono.empty() : Mono.error(ApiProblem.forbidden("problem.forbidden"));
    }

    private static Mono<Long> expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return Mono.just(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Mono.error(new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "problem.stale-version"));
            }
        }
        if (bodyVersion != null) {
            return Mono.just(bodyVersion);
        }
        return Mono.error(new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                "customer.precondition-required"));
    }

    private static String etag(Customer c) {
        return "\"" + c.version() + "\"";
    }

    private static ResponseEntity<CustomerView> ok(Customer c) {
        return ResponseEntity.ok().eTag(etag(c)).body(CustomerView.of(c));
    }
}
