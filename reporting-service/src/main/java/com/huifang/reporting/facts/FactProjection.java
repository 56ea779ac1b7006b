package com.huifang.reporting.facts;

import com.huifang.contracts.EventCatalog;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.HuifangEvent;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.reporting.facts.domain.AppliedEvent;
import com.huifang.reporting.facts.domain.IssueFact;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.TenantZone;
import com.huifang.reporting.facts.domain.VisitFact;
import com.huifang.reporting.facts.store.ErasedCustomerDocument;
import com.huifang.reporting.facts.store.FactJson;
import com.huifang.reporting.facts.store.FactReader;
import com.huifang.reporting.facts.store.IssueFactDocument;
import com.huifang.reporting.facts.store.ServiceEventFactDocument;
import com.huifang.reporting.facts.store.TenantZoneDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Projects every event onto the stored domain facts: load the fact document, apply the event with the
 * domain ({@link VisitFact#apply}, {@link IssueFact#apply}, {@link ServiceEventFact#apply}), save it
 * back under optimistic locking. The domain's apply is idempotent and order-independent, so a
 * redelivery, a replay or a concurrent writer (a lost race is retried on the fresh document) all end
 * in the same stored fact.
 *
 * <p>Tenant-local dates (due date, date raised, date of an opinion) are taken in the tenant's zone, which
 * its calendar sets ({@link TenantCalendarChanged}, highest version wins). Each document remembers the
 * zone it was described in; when the zone changes, every document described in another zone is
 * described again, and an event projected while the zone changes checks the zone again after its save.
 */
@Service
public class FactProjection {

    private static final Retry ON_CONFLICT = Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException);

    private final ReactiveMongoTemplate mongo;
    private final FactReader reader;
    private final List<ProjectionListener> listeners;

    public FactProjection(ReactiveMongoTemplate mongo, FactReader reader, List<ProjectionListener> listeners) {
        this.mongo = mongo;
        this.reader = reader;
        this.listeners = List.copyOf(listeners);
    }

    /** Observes applied events: business counters, reports in memory. */
    public interface ProjectionListener {
        void applied(AppliedEvent event, boolean changed);
    }

    public Mono<Void> apply(EventEnvelope envelope) {
        Optional<EventCatalog.Entry> entry = EventCatalog.byType(envelope.type());
        if (entry.isEmpty()) {
            return Mono.empty(); // a type from a newer producer: nothing reported on it yet
        }
        HuifangEvent payload = EventJson.payload(envelope, entry.get().payloadType());
        AppliedEvent event = AppliedEvent.of(envelope, payload);
        String tenant = event.tenantId();
        Mono<Boolean> work;
        if (payload instanceof TenantCalendarChanged calendar) {
            work = updateZone(tenant, TenantZone.of(tenant, calendar))
                    .flatMap(changed -> reader.zone(tenant).flatMap(zone -> describeInZone(tenant, zone))
                            .map(moved -> changed || moved));
        } else {
            // checked again after the save: either the new zone was stored before that check (and the facts
            // are described again in it now), or after the save (and the calendar's re-description finds them)
            work = reader.zone(tenant).flatMap(zone -> project(event, zone)
                    .flatMap(changed -> reader.zone(tenant).flatMap(now -> now.equals(zone) ? Mono.just(changed)
                            : project(event, now).thenReturn(true))));
        }
        return work.doOnNext(changed -> listeners.forEach(l -> l.applied(event, changed))).then();
    }

    /** Applies one event to the facts it concerns, describing them in {@code zone}; true when one changed. */
    private Mono<Boolean> project(AppliedEvent event, ZoneId zone) {
        String tenant = event.tenantId();
        HuifangEvent payload = event.payload();
        Mono<Boolean> work = Mono.just(false);
        String visitId = VisitFact.visitIdOf(event);
        if (visitId != null) {
            work = work.flatMap(c -> updateVisit(tenant, visitId, zone, f -> f.apply(event)).map(v -> c || v));
        }
        String issueId = IssueFact.issueIdOf(payload);
        if (issueId != null) {
            work = work.flatMap(c -> updateIssue(tenant, issueId, zone, f -> f.apply(event)).map(v -> c || v));
        }
        if (payload instanceof ServiceEventRecorded se) {
            work = work.flatMap(c -> updateServiceEvent(tenant, se.serviceEventId(), zone, f -> f.apply(event))
                    .map(v -> c || v));
        }
        if (payload instanceof CustomerErased erased) {
            work = work.flatMap(c -> eraseCustomer(tenant, erased.customerId(), erased.erasedAt(), zone)
                    .thenReturn(true));
        }
        return work;
    }

    // ---- time zone -------------------------------------------------------------------------

    /** Keeps the zone of the highest calendar version; true when the stored zone changed. */
    Mono<Boolean> updateZone(String tenant, TenantZone incoming) {
        return Mono.defer(() -> mongo.findById(tenant, TenantZoneDocument.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            TenantZone before = found.map(d -> new TenantZone(tenant, ZoneId.of(d.zone), d.calendarVersion))
                                    .orElseGet(() -> TenantZone.defaultFor(tenant));
                            TenantZone after = before.merge(incoming);
                            if (found.isPresent() && after.equals(before)) {
                                return Mono.just(false);
                            }
                            TenantZoneDocument doc = found.orElseGet(TenantZoneDocument::new);
                            doc.id = tenant;
                            doc.zone = after.zone().getId();
                            doc.calendarVersion = after.version();
                            return mongo.save(doc).thenReturn(!after.zone().equals(before.zone()));
                        }))
                .retryWhen(ON_CONFLICT);
    }

    /**
     * Describes again every fact of the tenant that was described in another zone than {@code zone}:
     * resumable and idempotent (a redelivered calendar finds what a crash left). True when one moved.
     */
    Mono<Boolean> describeInZone(String tenant, ZoneId zone) {
        Query elsewhere = Query.query(Criteria.where("tenantId").is(tenant).and("zone").ne(zone.getId()));
        elsewhere.fields().include("_id").include("visitId").include("issueId").include("serviceEventId");
        Mono<Long> visits = mongo.find(elsewhere, VisitFactDocument.class)
                .concatMap(d -> updateVisit(tenant, d.visitId, zone, UnaryOperator.identity())).filter(c -> c).count();
        Mono<Long> issues = mongo.find(elsewhere, IssueFactDocument.class)
                .concatMap(d -> updateIssue(tenant, d.issueId, zone, UnaryOperator.identity())).filter(c -> c).count();
        Mono<Long> serviceEvents = mongo.find(elsewhere, ServiceEventFactDocument.class)
                .concatMap(d -> updateServiceEvent(tenant, d.serviceEventId, zone, UnaryOperator.identity()))
                .filter(c -> c).count();
        return Mono.zip(visits, issues, serviceEvents).map(t -> t.getT1() + t.getT2() + t.getT3() > 0);
    }

    // ---- visits ----------------------------------------------------------------------------

    /** Loads, applies, saves; true when the stored fact changed. */
    Mono<Boolean> updateVisit(String tenant, String visitId, ZoneId zone, UnaryOperator<VisitFact> change) {
        String id = VisitFactDocument.idOf(tenant, visitId);
        return Mono.defer(() -> mongo.findById(id, VisitFactDocument.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            VisitFact before = found.map(VisitFactDocument::fact)
                                    .orElseGet(() -> VisitFact.empty(tenant, visitId));
                            VisitFact after = change.apply(before);
                            if (found.isPresent() && after.equals(before) && zone.getId().equals(found.get().zone)) {
                                return Mono.just(false);
                            }
                            VisitFactDocument doc = found.orElseGet(VisitFactDocument::new);
                            doc.id = id;
                            describe(after, zone, doc);
                            return mongo.save(doc).thenReturn(true);
                        }))
                .retryWhen(ON_CONFLICT)
                .flatMap(changed -> eraseIfCustomerErased(tenant, visitId, zone).thenReturn(changed));
    }

    /**
     * Checked after the save: either the erasure marker was written before this check (and we erase
     * now), or after our save (and the erasure's sweep finds the saved fact). No fact escapes.
     */
    private Mono<Void> eraseIfCustomerErased(String tenant, String visitId, ZoneId zone) {
        return mongo.findById(VisitFactDocument.idOf(tenant, visitId), VisitFactDocument.class)
                .filter(d -> !d.erased && d.customerId != null)
                .flatMap(d -> mongo.exists(Query.query(Criteria.where("_id")
                        .is(ErasedCustomerDocument.idOf(tenant, d.customerId))), ErasedCustomerDocument.class))
                .filter(Boolean::booleanValue)
                .flatMap(erased -> updateVisit(tenant, visitId, zone, VisitFact::erase))
                .then();
    }

    private Mono<Void> eraseCustomer(String tenant, String customerId, Instant at, ZoneId zone) {
        ErasedCustomerDocument marker = new ErasedCustomerDocument();
        marker.id = ErasedCustomerDocument.idOf(tenant, customerId);
        marker.tenantId = tenant;
        marker.customerId = customerId;
        marker.erasedAt = at;
        return mongo.save(marker)
                .thenMany(mongo.find(Query.query(Criteria.where("tenantId").is(tenant).and("customerId").is(customerId)
                        .and("erased").is(false)), VisitFactDocument.class))
                .concatMap(d -> updateVisit(tenant, d.visitId, zone, VisitFact::erase))
                .then();
    }

    /**
     * The query fields of a visit document, all derived from the domain fact and the tenant's zone. The
     * fact's personal details (comments, flag note, recordings) are stored beside its state, not in it, so
     * that the retention purge can strip them with a field update and keep the rest; once stripped
     * ({@code anonymisedAt}) they are never written again.
     */
    public static void describe(VisitFact f, ZoneId zone, VisitFactDocument doc) {
        boolean anonymised = doc.anonymisedAt != null;
        VisitFact.PersonalDetails details = anonymised ? VisitFact.PersonalDetails.NONE : f.personalDetails();
        doc.detailsApart = true;
        doc.comments = details.comments().isEmpty() ? null : details.comments();
        doc.flagNote = details.flagNote();
        if (details.recordings().isEmpty()) {
            doc.recordings = null;
        } else {
            doc.recordings = new java.util.LinkedHashMap<>();
            details.recordings().forEach((no, ref) -> doc.recordings.put(Integer.toString(no), ref));
        }
        doc.lastContactAt = f.lastContactAt();
        doc.zone = zone.getId();
        doc.tenantId = f.tenantId();
        doc.visitId = f.visitId();
        doc.customerId = f.customerId();
        doc.serviceEventId = f.serviceEventId();
        doc.planId = f.planId();
        doc.agentId = f.agentId();
        doc.dueAt = f.dueAt();
        doc.dueDate = f.dueAt() == null ? null : f.dueAt().atZone(zone).toLocalDate().toString();
        doc.deadlineAt = f.deadlineAt();
        doc.result = f.result() == null ? null : f.result().name();
        boolean opinions = details.comments().stream().anyMatch(c -> c != null && !c.isBlank());
        Instant surveyAt = f.survey() == null ? null
                : f.survey().value().submittedAt() != null ? f.survey().value().submittedAt() : f.survey().occurredAt();
        doc.opinionDate = opinions ? surveyAt.atZone(zone).toLocalDate().toString() : null;
        doc.erased = f.erased();
        doc.state = FactJson.write(f.withoutPersonalDetails());
    }

    // ---- issues ----------------------------------------------------------------------------

    Mono<Boolean> updateIssue(String tenant, String issueId, ZoneId zone, UnaryOperator<IssueFact> change) {
        String id = IssueFactDocument.idOf(tenant, issueId);
        return Mono.defer(() -> mongo.findById(id, IssueFactDocument.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            IssueFact before = found.map(d -> FactJson.read(d.state, IssueFact.class))
                                    .orElseGet(() -> IssueFact.empty(tenant, issueId));
                            IssueFact after = change.apply(before);
                            if (found.isPresent() && after.equals(before) && zone.getId().equals(found.get().zone)) {
                                return Mono.just(false);
                            }
                            IssueFactDocument doc = found.orElseGet(IssueFactDocument::new);
                            doc.id = id;
                            describe(after, zone, doc);
                            return mongo.save(doc).thenReturn(true);
                        }))
                .retryWhen(ON_CONFLICT);
    }

    public static void describe(IssueFact f, ZoneId zone, IssueFactDocument doc) {
        doc.zone = zone.getId();
        doc.tenantId = f.tenantId();
        doc.issueId = f.issueId();
        doc.visitId = f.visitId();
        doc.raisedDate = f.raisedAt() == null ? null : f.raisedAt().atZone(zone).toLocalDate().toString();
        doc.status = f.status();
        doc.resolvedLate = f.resolved() != null && !f.slaMet();
        doc.resolvedAt = f.resolvedAt();
        doc.state = FactJson.write(f);
    }

    // ---- service events --------------------------------------------------------------------

    Mono<Boolean> updateServiceEvent(String tenant, String serviceEventId, ZoneId zone,
                                     UnaryOperator<ServiceEventFact> change) {
        String id = ServiceEventFactDocument.idOf(tenant, serviceEventId);
        return Mono.defer(() -> mongo.findById(id, ServiceEventFactDocument.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            ServiceEventFact before = found.map(d -> FactJson.read(d.state, ServiceEventFact.class))
                                    .orElseGet(() -> ServiceEventFact.empty(tenant, serviceEventId));
                            ServiceEventFact after = change.apply(before);
                            if (found.isPresent() && after.equals(before) && zone.getId().equals(found.get().zone)) {
                                return Mono.just(false);
                            }
                            ServiceEventFactDocument doc = found.orElseGet(ServiceEventFactDocument::new);
                            doc.id = id;
                            describe(after, zone, doc);
                            return mongo.save(doc).thenReturn(true);
                        }))
                .retryWhen(ON_CONFLICT);
    }

    public static void describe(ServiceEventFact f, ZoneId zone, ServiceEventFactDocument doc) {
        doc.zone = zone.getId();
        doc.tenantId = f.tenantId();
        doc.serviceEventId = f.serviceEventId();
        var recorded = f.recorded() == null ? null : f.recorded().value();
        doc.customerId = recorded == null ? null : recorded.customerId();
        Instant at = recorded == null ? null : recorded.occurredAt() != null ? recorded.occurredAt() : f.recorded().occurredAt();
        doc.occurredDate = at == null ? null : at.atZone(zone).toLocalDate().toString();
        doc.state = FactJson.write(f);
    }

    // ---- rebuild ---------------------------------------------------------------------------

    /** What a rebuild went through. */
    public record RebuildResult(long visits, long issues, long serviceEvents) {
    }

    /**
     * Re-derives every stored fact document of a tenant from its stored domain state (the query fields,
     * the erasure of customers erased since): after a change of derivation rules or time zone, the
     * documents agree with the domain again. Idempotent; running it twice changes nothing more.
     */
    public Mono<RebuildResult> rebuild(String tenant) {
        return reader.zone(tenant).flatMap(zone -> rebuild(tenant, zone));
    }

    private Mono<RebuildResult> rebuild(String tenant, ZoneId zone) {
        Query all = Query.query(Criteria.where("tenantId").is(tenant));
        Mono<Long> visits = mongo.find(all, VisitFactDocument.class)
                .concatMap(d -> updateVisit(tenant, d.visitId, zone, UnaryOperator.identity())
                        .then(resave(VisitFactDocument.idOf(tenant, d.visitId), zone)).thenReturn(1L))
                .count();
        Mono<Long> issues = mongo.find(all, IssueFactDocument.class)
                .concatMap(d -> mongo.findById(d.id, IssueFactDocument.class)
                        .flatMap(fresh -> {
                            describe(FactJson.read(fresh.state, IssueFact.class), zone, fresh);
                            return mongo.save(fresh);
                        }).retryWhen(ON_CONFLICT))
                .count();
        Mono<Long> serviceEvents = mongo.find(all, ServiceEventFactDocument.class)
                .concatMap(d -> mongo.findById(d.id, ServiceEventFactDocument.class)
                        .flatMap(fresh -> {
                            describe(FactJson.read(fresh.state, ServiceEventFact.class), zone, fresh);
                            return mongo.save(fresh);
                        }).retryWhen(ON_CONFLICT))
                .count();
        return Mono.zip(visits, issues, serviceEvents).map(t -> new RebuildResult(t.getT1(), t.getT2(), t.getT3()));
    }

    private Mono<Void> resave(String id, ZoneId zone) {
        return Mono.defer(() -> mongo.findById(id, VisitFactDocument.class)
                        .flatMap(fresh -> {
                            describe(fresh.fact(), zone, fresh);
                            return mongo.save(fresh);
                        }))
                .retryWhen(ON_CONFLICT).then();
    }
}
