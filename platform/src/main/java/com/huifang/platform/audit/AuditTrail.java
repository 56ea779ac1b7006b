package com.huifang.platform.audit;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.AuditRecorded;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The one way a service writes to the audit trail: an {@link AuditRecorded} event that travels
 * through the service's outbox to {@code huifang.audit}, where its owner (reporting-service) keeps
 * it append-only.
 * <ul>
 *   <li>When the action changes a document, put {@link #entry} into THAT document's outbox in the
 *       same write: no change without its audit entry, no entry without its change.</li>
 *   <li>When nothing else is written (a reveal, an export), {@link #record} stores the entry alone in
 *       collection {@value #COLLECTION}, which every service's relay drains.</li>
 * </ul>
 * Values that look like a mainland mobile number or a resident ID number are masked on the way in,
 * so a careless summary cannot leak them.
 */
public class AuditTrail {

    /** Stand-alone audit entries waiting for the relay (documents {_id, tenantId, at, outbox}). */
    public static final String COLLECTION = "audit_log";

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private final String service;
    private final Clock clock;
    private final ReactiveMongoTemplate mongo;

    public AuditTrail(String service, Clock clock, ReactiveMongoTemplate mongo) {
        this.service = service;
        this.clock = clock;
        this.mongo = mongo;
    }

    /** The outbox entry of {@code draft}, with the current request's correlation id and the clock's time. */
    public Mono<OutboxEntry> entry(AuditDraft draft) {
        return CorrelationId.current().defaultIfEmpty("none")
                .map(correlation -> entry(draft, UUID.randomUUID(), clock.instant(), correlation));
    }

    /**
     * The outbox entry of {@code draft} with a given id: use a deterministic id (derived from the
     * change's own event id) where the same change may be written again, so the trail keeps it once.
     */
    public OutboxEntry entry(AuditDraft draft, UUID auditId, Instant at, String correlationId) {
        AuditRecorded payload = new AuditRecorded(auditId.toString(), service, draft.actor(), draft.actorRole(),
                draft.action(), draft.targetType(), draft.targetId(), masked(draft.before()), masked(draft.after()),
                maskText(draft.reason()), correlationId, at);
        return OutboxEntry.of(EventJson.envelope(auditId, payload, draft.tenantId(), correlationId, at));
    }

    /** Records an action that changes no other document (reveal, export, read of a restricted record). */
    public Mono<Void> record(AuditDraft draft) {
        return entry(draft).flatMap(e -> mongo.insert(new StandaloneEntry(e.eventId(), draft.tenantId(), e.createdAt(),
                List.of(e)), COLLECTION)).then();
    }

    /** A deterministic audit id for the change whose event id (or key) is {@code of}. */
    public static UUID idFor(String of) {
        return UUID.nameUUIDFromBytes(("audit:" + of).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> masked(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, maskText(v)));
        return out;
    }

    static String maskText(String value) {
        if (value == null) {
            return null;
        }
        String m = MOBILE.matcher(value).replaceAll("$1****$3");
        return ID_NUMBER.matcher(m).replaceAll("$1********$2");
    }

    /** The stored shape of a stand-alone entry; the relay reads {@code outbox}. */
    record StandaloneEntry(String id, String tenantId, Instant at, List<OutboxEntry> outbox) {
    }
}
