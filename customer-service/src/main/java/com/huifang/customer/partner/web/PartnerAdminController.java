package com.huifang.customer.partner.web;

import com.huifang.customer.partner.store.PartnerCredentialDocument;
import com.huifang.customer.partner.store.PartnerCredentialRepository;
import com.huifang.customer.pii.domain.FieldCipher;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.dao.DuplicateKeyException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Admins register the partner systems of their tenant; the secret is shown once. */
@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners")
public class PartnerAdminController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerCredentialRepository credentials;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    /** How long the secret before a rotation stays valid, so a partner can switch without failed pushes. */
    static final Duration ROTATION_GRACE = Duration.ofHours(24);

    public PartnerAdminController(PartnerCredentialRepository credentials, FieldCipher cipher, AuditTrail audit,
                                  ReactiveMongoTemplate mongo, Clock clock) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.audit = audit;
        this.mongo = mongo;
        this.clock = clock;
    }

    public record RegisterPartner(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String partnerId,
                                  @NotBlank @Size(max = 100) String name) {
    }

    public record RegisteredPartner(String partnerId, String name, String secret) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a partner system and get its signing secret (shown once)")
    public Mono<RegisteredPartner> register(Caller caller, @Valid @RequestBody RegisterPartner request) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        PartnerCredentialDocument doc = new PartnerCredentialDocument();
        doc.partnerId = request.partnerId();
        doc.tenantId = caller.tenantId();
        doc.name = request.name();
        String clear = HexFormat.of().formatHex(secret);
        doc.secret = cipher.encrypt(clear, PartnerCredentialDocument.secretContext(request.partnerId()));
        doc.active = true;
        doc.createdAt = clock.instant();
        doc.createdBy = caller.userId();
        // insert, not save: a partner id is registered once (a second registration must not replace the secret)
        return audit.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId()).action("partner.registered")
                        .target("partner", request.partnerId())
                        .after(Map.of("name", request.name(), "active", "true")).build())
                .flatMap(entry -> {
                    doc.outbox.add(entry);
                    return credentials.insert(doc);
                })
                .onErrorMap(DuplicateKeyException.class, e -> ApiProblem.conflict("duplicate", "problem.duplicate"))
                .map(saved -> new RegisteredPartner(saved.partnerId, saved.name, clear));
    }

    @PostMapping("/{partnerId}/secret")
    @Operation(summary = "Rotate a partner's signing secret (the new one is shown once)",
            description = "The previous secret stays valid for 24 hours, so the partner can switch without failed pushes.")
    public Mono<RegisteredPartner> rotate(Caller caller, @PathVariable String partnerId) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clear = HexFormat.of().formatHex(secret);
        Instant now = clock.instant();
        Query mine = Query.query(Criteria.where("_id").is(partnerId).and("tenantId").is(caller.tenantId()));
        return mongo.findOne(mine, PartnerCredentialDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("partner", partnerId)))
                .flatMap(current -> audit.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                                .action("partner.secret.rotated").target("partner", partnerId)
                                .before(Map.of("secretSince", String.valueOf(current.rotatedAt != null
                                        ? current.rotatedAt : current.createdAt)))
                                .after(Map.of("secretSince", now.toString(),
                                        "previousSecretUntil", now.plus(ROTATION_GRACE).toString())).build())
                        .flatMap(entry -> mongo.updateFirst(
                                // conditional on the secret read: of two concurrent rotations only one succeeds
                                Query.query(Criteria.where("_id").is(partnerId).and("tenantId").is(caller.tenantId())
                                        .and("secret").is(current.secret)),
                                new Update().set("secret", cipher.encrypt(clear,
                                                PartnerCredentialDocument.secretContext(partnerId)))
                                        .set("previousSecret", current.secret)
                                        .set("previousSecretUntil", now.plus(ROTATION_GRACE))
                                        .set("rotatedAt", now).set("rotatedBy", caller.userId())
                                        .push("outbox", entry),
                                PartnerCredentialDocument.class))
                        .flatMap(r -> r.getModifiedCount() == 1
                                ? Mono.just(new RegisteredPartner(partnerId, current.name, clear))
                                : Mono.error(ApiProblem.conflict("stale-version", "problem.stale-version"))));
    }

    /** Why an admin deactivates a partner (e.g. the contract ended, a leaked secret): required, audited. */
    public record DeactivatePartner(@NotBlank @Size(max = 500) String reason) {
    }

    /** Why it is active again: optional, audited. */
    public record ReactivatePartner(@Size(max = 500) String reason) {
    }

    @PostMapping("/{partnerId}/deactivation")
    @Operation(summary = "Deactivate a partner system (admins; reason required, audited as partner.deactivated)",
            description = "From then on its correctly signed pushes (single and batch) get 403 partner-deactivated and "
                    + "store nothing, and its events on the Kafka partner topic are skipped (logged and counted). "
                    + "Deactivating a deactivated partner changes nothing. 404 for a partner of another tenant.")
    public Mono<PartnerView> deactivate(Caller caller, @PathVariable String partnerId,
                                        @Valid @RequestBody DeactivatePartner request) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        Instant now = clock.instant();
        return audit.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId()).action("partner.deactivated")
                        .target("partner", partnerId).before(Map.of("active", "true"))
                        .after(Map.of("active", "false")).reason(request.reason().strip()).build())
                .flatMap(entry -> mongo.updateFirst(
                        // conditional on the state: a repeated or concurrent deactivation writes (and audits) once
                        Query.query(Criteria.where("_id").is(partnerId).and("tenantId").is(caller.tenantId())
                                .and("active").is(true)),
                        new Update().set("active", false).set("deactivatedAt", now).set("deactivatedBy", caller.userId())
                                .set("deactivationReason", request.reason().strip()).push("outbox", entry),
                        PartnerCredentialDocument.class))
                .then(current(caller, partnerId));
    }

    @PostMapping("/{partnerId}/reactivation")
    @Operation(summary = "Reactivate a deactivated partner system (admins; audited as partner.reactivated)",
            description = "Its pushes are accepted again with its current secret. Reactivating an active partner "
                    + "changes nothing. 404 for a partner of another tenant.")
    public Mono<PartnerView> reactivate(Caller caller, @PathVariable String partnerId,
                                        @Valid @RequestBody(required = false) ReactivatePartner request) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        Instant now = clock.instant();
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        return audit.entry(AuditDraft.by(AuditActor.of(caller), caller.tenantId()).action("partner.reactivated")
                        .target("partner", partnerId).before(Map.of("active", "false"))
                        .after(Map.of("active", "true")).reason(reason).build())
                .flatMap(entry -> mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(partnerId).and("tenantId").is(caller.tenantId())
                                .and("active").is(false)),
                        new Update().set("active", true).set("reactivatedAt", now).set("reactivatedBy", caller.userId())
                                .push("outbox", entry),
                        PartnerCredentialDocument.class))
                .then(current(caller, partnerId));
    }

    private Mono<PartnerView> current(Caller caller, String partnerId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(partnerId).and("tenantId").is(caller.tenantId())),
                        PartnerCredentialDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("partner", partnerId)))
                .map(PartnerView::of);
    }

    /**
     * @param state ACTIVE or DEACTIVATED (then with when, by whom and why)
     */
    public record PartnerView(String partnerId, String name, boolean active, String state, Instant createdAt,
                              Instant deactivatedAt, String deactivatedBy, String deactivationReason,
                              Instant reactivatedAt) {
        static PartnerView of(PartnerCredentialDocument c) {
            return new PartnerView(c.partnerId, c.name, c.active, c.active ? "ACTIVE" : "DEACTIVATED", c.createdAt,
                    c.active ? null : c.deactivatedAt, c.active ? null : c.deactivatedBy,
                    c.active ? null : c.deactivationReason, c.reactivatedAt);
        }
    }

    @GetMapping
    @Operation(summary = "The partner systems of the caller's tenant with their state (never their secrets)")
    public Flux<PartnerView> list(Caller caller) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            return Flux.error(ApiProblem.forbidden("problem.forbidden"));
        }
        return credentials.findByTenantId(caller.tenantId()).map(PartnerView::of);
    }
}
