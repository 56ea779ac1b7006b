package com.huifang.schedule.visit;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.schedule.assignment.Assignments;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.calendar.UnknownYears;
import com.huifang.schedule.plan.PlanCatalog;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.domain.Rung;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.schedule.visit.domain.Consent;
import com.huifang.schedule.visit.domain.CustomerPreferences;
import com.huifang.schedule.visit.domain.IssueResolution;
import com.huifang.schedule.visit.domain.PlannedVisit;
import com.huifang.schedule.visit.domain.PreferredHours;
import com.huifang.schedule.customer.CustomerCopies;
import com.huifang.schedule.visit.domain.PlanningOptions;
import com.huifang.schedule.visit.domain.PlanningOutcome;
import com.huifang.schedule.visit.domain.PlanningResult;
import com.huifang.schedule.visit.domain.RecontactPolicy;
import com.huifang.schedule.visit.domain.ServiceEvent;
import com.huifang.schedule.visit.domain.Visit;
import com.huifang.schedule.visit.domain.VisitEvent;
import com.huifang.schedule.visit.domain.VisitPlanner;
import com.huifang.schedule.sampling.SamplingDraws;
import com.huifang.schedule.visit.store.ConsentDocument;
import com.huifang.schedule.visit.store.EventRecord;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.store.VisitMapping;
import com.huifang.schedule.visit.store.VisitStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reacts to what happens to customers: a recorded service event is run through the tenant's
 * applicable plans by the rule engine ({@link VisitPlanner}) with the customer's consent, and each
 * planned visit is stored with its {@code VisitPlanned} event (ids derived from event, plan, stage
 * and occurrence, so a redelivery plans nothing twice); a cancelling event (policy withdrawn)
 * cancels the case's open visits; a consent change is kept and applied at once to open visits; a
 * resolved issue gets its re-contact visit.
 */
@Service
public class VisitPlanning {

    private static final Logger log = LoggerFactory.getLogger(VisitPlanning.class);

    /** Service event types that cancel the open visits of their case (the policy withdrawn in its cooling-off period…). */
    public static final Set<String> CANCELLING_EVENTS = Set.of("POLICY_WITHDRAWN", "SERVICE_CANCELLED", "CASE_CLOSED");
    public static final String RECONTACT_PLAN = "issue-recontact";
    /** Confirm a resolved issue within 3 working days, phone then SMS link (feedback closed loop). */
    public static final RecontactPolicy RECONTACT = new RecontactPolicy(null, 3,
            List.of(Rung.phone(Channel.PHONE, 3), Rung.once(Channel.SMS_LINK)), 2, "issue-recontact");

    private final ReactiveMongoTemplate mongo;
    private final VisitStore visits;
    private final PlanCatalog plans;
    private final TenantCalendars calendars;
    private final Assignments assignments;
    private final UnknownYears unknownYears;
    private final SamplingDraws sampling;
    private final CustomerCopies customers;
    private final com.huifang.platform.audit.AuditTrail auditTrail;
    private final Clock clock;
    private final VisitPlanner planner = new VisitPlanner();

    public VisitPlanning(ReactiveMongoTemplate mongo, VisitStore visits, PlanCatalog plans, TenantCalendars calendars,
                         Assignments assignments, UnknownYears unknownYears, SamplingDraws sampling,
                         CustomerCopies customers, com.huifang.platform.audit.AuditTrail auditTrail, Clock clock) {
        this.customers = customers;
        this.auditTrail = auditTrail;
        this.sampling = sampling;
        this.mongo = mongo;
        this.visits = visits;
        this.plans = plans;
        this.calendars = calendars;
        this.assignments = assignments;
        this.unknownYears = unknownYears;
        this.clock = clock;
    }

    public Mono<Void> onServiceEvent(EventEnvelope envelope, ServiceEventRecorded e) {
        String tenantId = envelope.tenantId();
        ServiceEvent recorded = new ServiceEvent(e.serviceEventId(), e.customerId(), e.eventType(), e.occurredAt(),
                e.scheduledAt(), e.customerCategory(), e.staffIds(), e.attributes());
        Mono<Void> cancel = CANCELLING_EVENTS.contains(e.eventType())
                ? cancelCase(tenantId, recorded, envelope.correlationId()) : Mono.empty();
        Mono<Void> plan = calendars.of(tenantId).flatMap(calendar -> customer(tenantId, recorded, calendar)
                        .flatMapMany(c -> plans.applicable(tenantId)
                                .concatMap(p -> planWith(tenantId, p, c.event(), calendar, c.preferences(),
                                        c.profile(), PlanningOptions.NONE, envelope.correlationId())))
                        .then());
        return unknownYears.count(rememberCategory(tenantId, e).then(cancel).then(plan));
    }

    /** An event seen with the customer's copy: their preferences, and their staff as conflicted too. */
    private record WithCustomer(ServiceEvent event, CustomerPreferences preferences, CustomerCopies.Profile profile) {
    }

    /**
     * The customer's preferences (consent; preferred hours, channel and reachable channels from the
     * customer copy) and the event completed from the copy: the copy's staff are added to the
     * event's (never assigned to check their own work), its category fills a missing one.
     */
    private Mono<WithCustomer> customer(String tenantId, ServiceEvent event, TenantCalendar calendar) {
        return Mono.zip(consent(tenantId, event.customerId()), customers.profile(tenantId, event.customerId()))
                .map(t -> {
                    CustomerCopies.Profile profile = t.getT2();
                    LinkedHashSet<String> staff = new LinkedHashSet<>(event.staffIds());
                    staff.addAll(profile.staffIds());
                    String category = event.category() != null ? event.category() : profile.category();
                    ServiceEvent completed = new ServiceEvent(event.id(), event.customerId(), event.type(), event.occurredAt(),
                            event.scheduledAt(), category, List.copyOf(staff), event.attributes());
                    return new WithCustomer(completed, preferences(profile, t.getT1(), calendar), profile);
                });
    }

    private CustomerPreferences preferences(CustomerCopies.Profile profile, Consent consent, TenantCalendar calendar) {
        var hours = PreferredHours.inTenantZone(profile.preferredHours(), profile.zone(), calendar.zone(), clock.instant())
                .orElse(null);
        return new CustomerPreferences(hours, null, consent, profile.preferredChannel(), Set.copyOf(profile.contactChannels()));
    }

    /** The customer's preferences for visits planned outside a service event (re-contacts, repeats). */
    private Mono<CustomerPreferences> preferences(String tenantId, String customerId, TenantCalendar calendar) {
        return Mono.zip(consent(tenantId, customerId), customers.profile(tenantId, customerId))
                .map(t -> preferences(t.getT2(), t.getT1(), calendar));
    }

    private Mono<Void> rememberCategory(String tenantId, ServiceEventRecorded e) {
        if (e.customerCategory() == null) {
            return Mono.empty();
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(ConsentDocument.idOf(tenantId, e.customerId()))),
                new org.springframework.data.mongodb.core.query.Update().set("tenantId", tenantId)
                        .set("customerId", e.customerId()).set("category", e.customerCategory()),
                ConsentDocument.class).then();
    }

    /** The result of a sampling draw: the sample and the visits planned for it. */
    public record DrawResult(com.huifang.schedule.sampling.domain.Sample sample, List<String> visitIds) {
    }

    /**
     * Draws a sampling plan's sample of a period and plans the sampled households' visits
     * (mandatory inclusions on the plan's forced channel). Deterministic: drawing again plans nothing new.
     */
    public Mono<DrawResult> drawSample(String tenantId, String planId, String period, String correlationId) {
        return unknownYears.report(plans.latest(tenantId, planId).flatMap(plan -> sampling.draw(tenantId, plan, period)
                .flatMap(draw -> calendars.of(tenantId).flatMap(calendar -> Flux.fromIterable(draw.events().entrySet())
                        .concatMap(en -> customer(tenantId, en.getValue(), calendar)
                                .flatMapMany(c -> {
                                    PlanningOptions options = PlanningOptions.sampled(en.getKey().forcedChannel());
                                    PlanningResult r = planner.plan(plan, c.event(), c.preferences(),
                                            calendar, clock.instant(), options);
                                    return planWith(tenantId, plan, c.event(), calendar, c.preferences(), c.profile(),
                                            options, correlationId)
                                            .thenMany(Flux.fromIterable(r.visits()).map(VisitPlanning::idOf));
                                }))
                        .collectList()
                        .map(ids -> new DrawResult(draw.sample(), ids))))));
    }

    private Mono<Void> planWith(String tenantId, Plan plan, ServiceEvent event, TenantCalendar calendar,
                                CustomerPreferences preferences, CustomerCopies.Profile profile, PlanningOptions options,
                                String correlationId) {
        Instant now = clock.instant();
        PlanningResult result = planner.plan(plan, event, preferences, calendar, now, options);
        if (result.outcome() == PlanningOutcome.AWAITING_SAMPLING) {
            return sampling.record(tenantId, plan, event, calendar.zone());
        }
        if (result.outcome() == PlanningOutcome.NOT_TRIGGERED) {
            log.debug("Plan {} for event {}: {}", plan.id(), event.id(), result.explanation());
            return Mono.empty();
        }
        Set<String> newIds = new HashSet<>();
        result.visits().forEach(v -> newIds.add(idOf(v)));
        Mono<Void> supersede = result.supersededStages().isEmpty() ? Mono.empty()
                : mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(plan.id())
                                .and("caseRef").is(event.caseRef()).and("stage").in(result.supersededStages())
                                .and("state").in(VisitStore.OPEN)), VisitDocument.class)
                        .filter(d -> !newIds.contains(d.id))
                        .concatMap(d -> change(tenantId, d.id, v -> v.supersede(now), correlationId))
                        .then();
        return supersede.thenMany(Flux.fromIterable(result.visits()).concatMap(spec -> {
            String id = idOf(spec);
            List<String> explanation = new ArrayList<>(result.explanation());
            explanation.addAll(spec.explanation());
            // the cause is kept to plan a recurring stage's next repeat and to re-plan when the customer's preferences change
            EventRecord cause = EventRecord.of(event);
            if (result.outcome() == PlanningOutcome.REFUSED) {
                Visit.Created created = Visit.refusedAtPlanning(id, spec, now);
                return visits.insert(document(tenantId, null, plan, explanation), created.visit(), created.events(),
                        correlationId, now);
            }
            return assignments.choose(tenantId, plan.assignment(), id, spec, calendar)
                    .flatMap(choice -> {
                        PlannedVisit placed = spec;
                        if (!choice.dueAt().equals(spec.dueAt())) {
                            List<String> moved = new ArrayList<>(spec.explanation());
                            moved.add("window full: due moved to " + choice.dueAt());
                            placed = new PlannedVisit(spec.planId(), spec.planVersion(), spec.stage(), spec.occurrence(),
                                    spec.serviceEventId(), spec.caseRef(), spec.customerId(),
                                    spec.earliestAt().isAfter(choice.dueAt()) ? choice.dueAt() : spec.earliestAt(),
                                    choice.dueAt(), spec.deadlineAt(), spec.ladder(), spec.windows(), spec.allowNonWorkingDays(),
                                    spec.priority(), spec.surveyTemplateId(), spec.deadlineAtRisk(), spec.staffIds(), moved);
                        }
                        Visit.Created created = Visit.plan(id, placed, choice.agentId());
                        VisitDocument doc = document(tenantId, choice.teamId(), plan, explanation);
                        doc.event = cause;
                        doc.forcedChannel = options.forcedChannel() == null ? null : options.forcedChannel().name();
                        doc.profileVersion = profile.version();
                        doc.preferencesKey = profile.planningKey();
                        if (choice.agentId() != null || choice.teamId() != null) {
                            doc.explanation.add("assignment: " + choice.reason());
                        }
                        return visits.insert(doc, created.visit(), created.events(), correlationId, now);
                    });
        })).then();
    }

    private static VisitDocument document(String tenantId, String teamId, Plan plan, List<String> explanation) {
        VisitDocument doc = new VisitDocument();
        doc.tenantId = tenantId;
        doc.teamId = teamId;
        doc.callbackReleaseMinutes = plan == null || plan.assignment() == null ? 30 : plan.assignment().callbackReleaseMinutes();
        doc.explanation = new ArrayList<>(explanation);
        return doc;
    }

    static String idOf(PlannedVisit v) {
        return VisitMapping.visitId(v.serviceEventId(), v.planId(), v.stage(), v.occurrence());
    }

    /** Cancels the open visits of the event's case: {@code caseId}, else {@code serviceEventId}, else all the customer's. */
    private Mono<Void> cancelCase(String tenantId, ServiceEvent event, String correlationId) {
        Criteria c = Criteria.where("tenantId").is(tenantId).and("customerId").is(event.customerId()).and("state").in(VisitStore.OPEN);
        String caseId = event.attributes().get(ServiceEvent.CASE_ATTRIBUTE);
        String eventRef = event.attributes().get("serviceEventId");
        if (caseId != null) {
            c = c.and("caseRef").is(caseId);
        } else if (eventRef != null) {
            c = c.and("serviceEventId").is(eventRef);
        }
        Instant now = clock.instant();
        return mongo.find(Query.query(c), VisitDocument.class)
                .concatMap(d -> change(tenantId, d.id, v -> v.cancel(event.type(), now), correlationId))
                .then();
    }

    public Mono<Void> onConsent(EventEnvelope envelope, CustomerConsentChanged e) {
        String tenantId = envelope.tenantId();
        Instant changedAt = e.changedAt() == null ? envelope.occurredAt() : e.changedAt();
        String id = ConsentDocument.idOf(tenantId, e.customerId());
        Consent consent = new Consent(e.optedOutChannels() == null ? Set.of() : Set.copyOf(e.optedOutChannels()), e.doNotContact());
        return mongo.findById(id, ConsentDocument.class)
                .defaultIfEmpty(new ConsentDocument())
                .flatMap(doc -> {
                    if (doc.changedAt != null && doc.changedAt.isAfter(changedAt)) {
                        return Mono.empty(); // an older change arriving late
                    }
                    doc.id = id;
                    doc.tenantId = tenantId;
                    doc.customerId = e.customerId();
                    doc.optedOutChannels = new ArrayList<>(consent.optedOutChannels());
                    doc.doNotContact = consent.doNotContact();
                    doc.changedAt = changedAt;
                    Instant now = clock.instant();
                    return mongo.save(doc).thenMany(visits.openOfCustomer(tenantId, e.customerId())
                            .concatMap(v -> change(tenantId, v.id, visit -> visit.applyConsent(consent, now),
                                    envelope.correlationId()))).then();
                });
    }

    /**
     * A customer's erasure: their open visits are cancelled (nobody may call them any more), the
     * free notes and recording references of every attempt are removed, and scheduling's copies
     * (consent, category, sampling population) are deleted. Visit ids and figures stay for reports.
     */
    public Mono<Integer> onErased(EventEnvelope envelope, com.huifang.contracts.events.CustomerErased e) {
        String tenantId = envelope.tenantId();
        Instant now = clock.instant();
        Query ofCustomer = Query.query(Criteria.where("tenantId").is(tenantId).and("customerId").is(e.customerId()));
        Mono<Long> cancelled = visits.openOfCustomer(tenantId, e.customerId())
                .concatMap(v -> change(tenantId, v.id, visit -> visit.cancel("customer erased", now), envelope.correlationId()))
                .count();
        // the attempts' notes and recording references, and the service event kept for re-planning (its attributes)
        Mono<Long> anonymised = mongo.find(ofCustomer, VisitDocument.class)
                .filter(v -> v.event != null || v.attempts.stream().anyMatch(a -> a.notes() != null || a.recordingRef() != null))
                .concatMap(v -> Mono.defer(() -> visits.load(tenantId, v.id).flatMap(doc -> {
                            doc.attempts = doc.attempts.stream().map(a -> new com.huifang.schedule.visit.store.AttemptRecord(
                                    a.number(), a.channel(), a.outcome(), a.callBackAt(), a.ringSeconds(),
                                    a.durationSeconds(), null, null, a.agentId(), a.at())).toList();
                            doc.event = null;
                            return mongo.save(doc);
                        }))
                        .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance)))
                .count();
        Mono<Long> consent = mongo.remove(Query.query(Criteria.where("_id").is(ConsentDocument.idOf(tenantId, e.customerId()))),
                ConsentDocument.class).map(r -> r.getDeletedCount());
        Mono<Long> households = mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("householdId")
                .is(e.customerId())), com.huifang.schedule.sampling.store.ServedHouseholdDocument.class)
                .map(r -> r.getDeletedCount());
        // one after the other: the anonymisation reads the visits the cancellation wrote
        return cancelled.flatMap(c -> anonymised.flatMap(a -> consent.flatMap(k -> households
                .map(h -> (int) (c + a + k + h)))));
    }

    /**
     * A customer's profile changed after visits were planned: their open visits nobody has started
     * (PLANNED, no attempt, no booked call-back) whose preferred hours, zone or channels were
     * another are run through the rule engine again with the new preferences — same anchor and
     * deadline rule — and re-planned in one conditional write with a new {@code VisitPlanned} of the
     * same visit. Only the profile the copy keeps re-plans (an older one arriving late does not), and
     * each visit once per profile version (a redelivery re-plans nothing). Follow-ups, re-contacts and
     * sampled visits on a forced channel keep their timing; so does the assignee.
     */
    public Mono<Void> onProfileChanged(EventEnvelope envelope, com.huifang.contracts.events.CustomerProfileChanged e) {
        String tenantId = envelope.tenantId();
        return unknownYears.count(customers.copy(tenantId, e.customerId())
                .filter(copy -> copy.profileVersion == e.version()) // a newer profile is kept (and re-plans), or erased
                .map(CustomerCopies::profileOf)
                .flatMap(profile -> Mono.zip(calendars.of(tenantId), consent(tenantId, e.customerId()))
                        .flatMap(t -> visits.openOfCustomer(tenantId, e.customerId())
                                .filter(d -> needsReplan(d, profile))
                                .concatMap(d -> planOf(tenantId, d.planId, d.planVersion)
                                        .onErrorResume(com.huifang.platform.problem.ApiProblem.class, gone -> {
                                            log.warn("Visit {}: plan {} v{} not found, not re-planned", d.id, d.planId,
                                                    d.planVersion);
                                            return Mono.empty();
                                        })
                                        .flatMap(plan -> replan(tenantId, d.id, plan, profile,
                                                preferences(profile, t.getT2(), t.getT1()), t.getT1(),
                                                envelope.correlationId())))
                                .then())));
    }

    /** A plan version: stored, or the default pack of a tenant that never stored a plan. */
    private Mono<Plan> planOf(String tenantId, String planId, int version) {
        return plans.version(tenantId, planId, version)
                .onErrorResume(com.huifang.platform.problem.ApiProblem.class, notStored -> plans.applicable(tenantId)
                        .filter(p -> p.id().equals(planId) && p.version() == version).next()
                        .switchIfEmpty(Mono.error(notStored)));
    }

    private static boolean needsReplan(VisitDocument d, CustomerCopies.Profile profile) {
        return "PLANNED".equals(d.state) && d.attempts.isEmpty() && d.callbackAt == null && d.event != null
                && d.planId != null && d.forcedChannel == null && d.profileVersion < profile.version()
                && !profile.planningKey().equals(d.preferencesKey);
    }

    private Mono<VisitDocument> replan(String tenantId, String visitId, Plan plan, CustomerCopies.Profile profile,
                                       CustomerPreferences preferences, TenantCalendar calendar, String correlationId) {
        return Mono.defer(() -> visits.load(tenantId, visitId).flatMap(doc -> {
                    Visit visit = VisitMapping.toVisit(doc);
                    if (!visit.replannable() || !needsReplan(doc, profile)) {
                        return Mono.<VisitDocument>empty(); // started meanwhile, or already re-planned
                    }
                    Instant now = clock.instant();
                    List<String> explanation = new ArrayList<>();
                    String why = "customer profile v" + profile.version() + " changed " + profile.describeChanges(doc.preferencesKey)
                            + ": re-planned " + now;
                    explanation.add(why);
                    var spec = planner.replanStage(plan, doc.stage, doc.occurrence, doc.event.toEvent(), preferences,
                            calendar, now, explanation);
                    if (spec.isEmpty()) {
                        log.info("Visit {}: not re-planned for profile v{}: {}", visitId, profile.version(), explanation);
                        return Mono.<VisitDocument>empty();
                    }
                    List<VisitEvent> events = visit.replan(spec.get(), "profile-v" + profile.version(), why);
                    if (events.isEmpty()) {
                        return Mono.<VisitDocument>empty(); // same timing and channels: nothing to re-plan
                    }
                    explanation.addAll(spec.get().explanation());
                    doc.explanation.stream().filter(l -> l.startsWith("assignment: ")).forEach(explanation::add);
                    doc.explanation = explanation;
                    doc.profileVersion = profile.version();
                    doc.preferencesKey = profile.planningKey();
                    return visits.save(doc, visit, events, correlationId, now);
                }))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance));
    }

    public Mono<Consent> consent(String tenantId, String customerId) {
        return mongo.findById(ConsentDocument.idOf(tenantId, customerId), ConsentDocument.class)
                .map(d -> new Consent(Set.copyOf(d.optedOutChannels), d.doNotContact))
                .defaultIfEmpty(Consent.ANY);
    }

    /**
     * Plans the re-contact visit confirming a resolved issue (plan {@value #RECONTACT_PLAN}); the
     * issue id is kept on the visit. One per resolution (a reopened and again resolved issue gets a new one).
     */
    public Mono<Void> onIssueResolved(EventEnvelope envelope, IssueResolved e) {
        String tenantId = envelope.tenantId();
        Instant now = clock.instant();
        Instant resolvedAt = e.resolvedAt() == null ? envelope.occurredAt() : e.resolvedAt();
        return unknownYears.count(calendars.of(tenantId).flatMap(calendar -> preferences(tenantId, e.customerId(), calendar)
                        .map(prefs -> reactor.util.function.Tuples.of(calendar, prefs)))
                .flatMap(t -> {
                    var planned = planner.planRecontact(new IssueResolution(e.issueId(), e.customerId(), e.visitId(),
                            e.category(), resolvedAt), RECONTACT, t.getT2(), t.getT1(), now);
                    if (planned.isEmpty()) {
                        log.info("Issue {}: customer refuses all contact, no re-contact visit", e.issueId());
                        return Mono.empty();
                    }
                    PlannedVisit p = planned.get();
                    PlannedVisit spec = new PlannedVisit(RECONTACT_PLAN, 1, p.stage(), p.occurrence(), p.serviceEventId(),
                            p.caseRef(), p.customerId(), p.earliestAt(), p.dueAt(), p.deadlineAt(), p.ladder(), p.windows(),
                            p.allowNonWorkingDays(), p.priority(), p.surveyTemplateId(), p.deadlineAtRisk(), p.staffIds(),
                            p.explanation());
                    String id = VisitMapping.visitId("issue", e.issueId(), resolvedAt);
                    return previousAssignee(tenantId, e.visitId()).defaultIfEmpty("").flatMap(agent -> {
                        Visit.Created created = Visit.plan(id, spec, agent.isEmpty() ? null : agent);
                        VisitDocument doc = document(tenantId, null, null, spec.explanation());
                        doc.issueId = e.issueId();
                        return visits.insert(doc, created.visit(), created.events(), envelope.correlationId(), now);
                    });
                })).then();
    }

    /** The agent of the visit that raised the issue keeps the customer (原咨询师接回). */
    private Mono<String> previousAssignee(String tenantId, String visitId) {
        if (visitId == null) {
            return Mono.empty();
        }
        return mongo.findOne(Query.query(Criteria.where("_id").is(visitId).and("tenantId").is(tenantId)), VisitDocument.class)
                .mapNotNull(v -> v.assigneeId);
    }

    /**
     * Plans the next repeat of a recurring stage once a repeat ended (completed or failed): same plan
     * version, same agent (原咨询师接回); none when the customer's category now stops the recurrence
     * ("until the member is active again"), the maximum is reached or consent leaves no channel.
     */
    public Mono<Void> planNextOccurrence(VisitDocument ended, String correlationId) {
        if (ended.event == null || ended.occurrence < 1 || !("COMPLETED".equals(ended.state) || "FAILED".equals(ended.state))) {
            return Mono.empty();
        }
        String tenantId = ended.tenantId;
        Instant now = clock.instant();
        return unknownYears.count(Mono.zip(planOf(tenantId, ended.planId, ended.planVersion), calendars.of(tenantId),
                        calendars.of(tenantId).flatMap(calendar -> preferences(tenantId, ended.customerId, calendar)),
                        mongo.findById(ConsentDocument.idOf(tenantId, ended.customerId), ConsentDocument.class)
                                .mapNotNull(d -> d.category).defaultIfEmpty(""))
                .flatMap(t -> Mono.justOrEmpty(planner.planOccurrence(t.getT1(), ended.stage, ended.occurrence + 1,
                                ended.event.toEvent(), t.getT4().isEmpty() ? null : t.getT4(),
                                t.getT3(), t.getT2(), now))
                        .flatMap(spec -> {
                            String agent = ended.assigneeId != null ? ended.assigneeId
                                    : ended.attempts.isEmpty() ? null : ended.attempts.get(ended.attempts.size() - 1).agentId();
                            Visit.Created created = Visit.plan(idOf(spec), spec, agent);
                            VisitDocument doc = document(tenantId, ended.teamId, t.getT1(), spec.explanation());
                            doc.event = ended.event;
                            return visits.insert(doc, created.visit(), created.events(), correlationId, now);
                        }))).then();
    }

    /** Loads, changes and saves one visit with its events; retried on a concurrent change; ended visits are left alone. */
    public Mono<VisitDocument> change(String tenantId, String visitId, java.util.function.Function<Visit, List<VisitEvent>> change,
                                      String correlationId) {
        return change(tenantId, visitId, change, correlationId, null);
    }

    /**
     * As {@link #change(String, String, java.util.function.Function, String)}, with an audit entry of
     * the assignee change ({@code audit} gets the assignee before and after) in the same write.
     */
    public Mono<VisitDocument> change(String tenantId, String visitId, java.util.function.Function<Visit, List<VisitEvent>> change,
                                      String correlationId,
                                      java.util.function.BiFunction<String, String, com.huifang.platform.audit.AuditDraft> audit) {
        return Mono.defer(() -> visits.load(tenantId, visitId).flatMap(doc -> {
                    Visit visit = VisitMapping.toVisit(doc);
                    if (!visit.isOpen()) {
                        return Mono.just(doc);
                    }
                    String before = doc.assigneeId;
                    List<VisitEvent> events = change.apply(visit);
                    Instant now = clock.instant();
                    if (audit != null) {
                        com.huifang.platform.audit.AuditDraft draft = audit.apply(before, visit.snapshot().assigneeId());
                        doc.outbox.add(auditTrail.entry(draft, UUID.randomUUID(), now, correlationId == null ? "none" : correlationId));
                    }
                    return visits.save(doc, visit, events, correlationId, now);
                }))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance));
    }
}
