package com.huifang.customer.pii;

import com.huifang.customer.customer.domain.Customer;
import com.huifang.customer.pii.domain.AuditEntry;
import com.huifang.customer.pii.domain.PersonalField;
import com.huifang.customer.pii.domain.RevealPolicy;
import com.huifang.customer.pii.store.AuditEntryDocument;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reveals a personal field to a permitted role with a reason: the audit entry is stored first (no entry, no reveal). */
@Service
public class PersonalDataReveal {

    private final RevealPolicy policy;
    private final ReactiveMongoTemplate mongo;
    private final AuditTrail trail;
    private final Clock clock;

    public PersonalDataReveal(RevealPolicy policy, ReactiveMongoTemplate mongo, AuditTrail trail, Clock clock) {
        this.policy = policy;
        this.mongo = mongo;
        this.trail = trail;
        this.clock = clock;
    }

    public record Revealed(PersonalField field, List<String> values) {
    }

    public Mono<Revealed> reveal(Caller caller, Customer customer, PersonalField field, String reason) {
        AuditEntry entry;
        try {
            entry = policy.authorise(caller.tenantId(), caller.userId(), caller.roles(), customer.id(), field, reason,
                    clock.instant());
        } catch (RevealPolicy.RevealRefused refused) {
            return Mono.error(refused.why() == RevealPolicy.RevealRefused.Why.ROLE_NOT_PERMITTED
                    ? ApiProblem.forbidden("customer.reveal.forbidden")
                    : ApiProblem.invalidField("reason", "reason-required", "customer.reveal.reason",
                    AuditEntry.MIN_REASON_LENGTH));
        }
        List<String> values = switch (field) {
            case PHONE -> customer.profile().phones().stream().map(p -> p.number().displayFormat()).toList();
            case EMAIL -> customer.profile().emails().stream().map(e -> e.address().value()).toList();
            case ID_NUMBER -> customer.profile().idNumber() == null ? List.<String>of()
                    : List.of(customer.profile().idNumber().value());
        };
        // the local entry (this service's reveal list) and the shared trail's entry, both before the values leave
        AuditDraft shared = AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                .action("customer." + field.name().toLowerCase(java.util.Locale.ROOT) + ".revealed")
                .target("customer", customer.id()).after(java.util.Map.of("field", field.name()))
                .reason(entry.reason()).build();
        return mongo.insert(AuditEntryDocument.of(UUID.randomUUID().toString(), entry))
                .then(trail.record(shared))
                .thenReturn(new Revealed(field, values));
    }
}
