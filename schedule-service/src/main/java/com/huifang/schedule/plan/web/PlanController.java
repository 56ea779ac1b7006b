package com.huifang.schedule.plan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.calendar.DailyWindows;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.calendar.UnknownYears;
import com.huifang.schedule.plan.PlanCatalog;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.pack.PlanPacks;
import com.huifang.schedule.visit.domain.Consent;
import com.huifang.schedule.visit.domain.CustomerPreferences;
import com.huifang.schedule.visit.domain.PlannedVisit;
import com.huifang.schedule.visit.domain.PlanningOptions;
import com.huifang.schedule.visit.domain.PlanningResult;
import com.huifang.schedule.visit.domain.ServiceEvent;
import com.huifang.schedule.visit.domain.VisitPlanner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans")
public class PlanController {

    private static final ObjectMapper TREE = new ObjectMapper();

    private final PlanCatalog catalog;
    private final TenantCalendars calendars;
    private final UnknownYears unknownYears;
    private final VisitPlanner planner = new VisitPlanner();
    private final Clock clock;

    public PlanController(PlanCatalog catalog, TenantCalendars calendars, UnknownYears unknownYears, Clock clock) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.unknownYears = unknownYears;
        this.clock = clock;
    }

    /** A plan as the API shows it: its id, version and the plan document itself. */
    public record PlanView(String id, int version, String name, JsonNode document) {
    }

    public record PackView(String name, String planName, List<String> eventTypes) {
    }

    /** A sample event (and customer) to run a plan on. */
    public record SampleEvent(
            @NotBlank @Size(max = 64) String eventType,
            @NotNull Instant occurredAt,
            Instant scheduledAt,
            @Size(max = 64) String customerCategory,
            List<@Size(max = 64) String> staffIds,
            Map<String, String> attributes,
            @Size(max = 200) String preferredHours,
            Instant requestedCallbackAt,
            Set<String> optedOutChannels,
            boolean doNotContact,
            boolean sampled) {
    }

    public record ExplainRequest(@NotNull JsonNode plan, @NotNull @Valid SampleEvent event) {
    }

    public record PreviewVisit(String planId, int planVersion, String stage, int occurrence, Instant earliestAt,
                               Instant dueAt, Instant deadlineAt, String channel, List<String> ladder, int priority,
                               String surveyTemplateId, boolean deadlineAtRisk, List<String> explanation) {
    }

    public record Preview(String outcome, List<PreviewVisit> visits, List<String> supersededStages, List<String> explanation) {
    }

    @GetMapping
    @Operation(summary = "The tenant's active plans (latest version of each)")
    public Flux<PlanView> list(Caller caller) {
        return catalog.active(caller.tenantId()).map(this::view);
    }

    @GetMapping("/packs")
    @Operation(summary = "The ready-made plan packs shipped with Huifang")
    public Flux<PackView> packs() {
        return Flux.fromIterable(PlanPacks.NAMES).map(n -> {
            Plan p = PlanPacks.load(n);
            return new PackView(n, p.name(), p.triggers().eventTypes());
        });
    }

    @PostMapping("/packs/{name}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Install a pack as one of the tenant's plans (a new version if the plan exists)")
    public Mono<PlanView> install(Caller caller, @PathVariable String name) {
        requireEditor(caller);
        if (!PlanPacks.NAMES.contains(name)) {
            return Mono.error(ApiProblem.notFound("plan pack", name));
        }
        return catalog.update(AuditActor.of(caller), caller.tenantId(), PlanPacks.load(name)).map(this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The latest version of a plan")
    public Mono<PlanView> get(Caller caller, @PathVariable String id) {
        return catalog.latest(caller.tenantId(), id).map(this::view);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The versions of a plan")
    public Flux<Integer> versions(Caller caller, @PathVariable String id) {
        return catalog.versions(caller.tenantId(), id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a plan")
    public Mono<PlanView> version(Caller caller, @PathVariable String id, @PathVariable int version) {
        return catalog.version(caller.tenantId(), id, version).map(this::view);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a plan (version 1); validated, errors listed with their JSON-pointer path")
    public Mono<PlanView> create(Caller caller, @RequestBody String document) {
        requireEditor(caller);
        return Mono.fromCallable(() -> catalog.parse(document))
                .flatMap(plan -> catalog.create(AuditActor.of(caller), caller.tenantId(), plan))
                .map(this::view);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a new version of a plan; visits keep the version they were planned with")
    public Mono<PlanView> update(Caller caller, @PathVariable String id, @RequestBody String document) {
        requireEditor(caller);
        return Mono.fromCallable(() -> catalog.parse(document))
                .flatMap(plan -> id.equals(plan.id()) ? catalog.latest(caller.tenantId(), id).thenReturn(plan)
                        : Mono.error(ApiProblem.invalidField("/id", "id-mismatch", "schedule.plan.id-mismatch", id)))
                .flatMap(plan -> catalog.update(AuditActor.of(caller), caller.tenantId(), plan))
                .map(this::view);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire a plan: it plans no more visits")
    public Mono<Void> retire(Caller caller, @PathVariable String id,
                             @org.springframework.web.bind.annotation.RequestParam(required = false) @Size(max = 500) String reason) {
        requireEditor(caller);
        return catalog.retire(AuditActor.of(caller), caller.tenantId(), id, reason);
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Run the plan on a sample event: the visits it would plan and every step, nothing stored")
    public Mono<Preview> preview(Caller caller, @PathVariable String id, @Valid @RequestBody SampleEvent event) {
        return catalog.latest(caller.tenantId(), id).flatMap(plan -> run(caller, plan, event));
    }

    @PostMapping("/explain")
    @Operation(summary = "Run an unsaved plan document on a sample event, nothing stored")
    public Mono<Preview> explain(Caller caller, @Valid @RequestBody ExplainRequest request) {
        return Mono.fromCallable(() -> catalog.parse(TREE.writeValueAsString(request.plan())))
                .flatMap(plan -> run(caller, plan, request.event()));
    }

    private Mono<Preview> run(Caller caller, Plan plan, SampleEvent e) {
        return unknownYears.report(calendars.of(caller.tenantId()).map(calendar -> {
            DailyWindows hours;
            try {
                hours = e.preferredHours() == null ? null : DailyWindows.parse(e.preferredHours());
            } catch (RuntimeException bad) {
                throw ApiProblem.invalidField("preferredHours", "windows", "schedule.windows.invalid", e.preferredHours());
            }
            ServiceEvent event = new ServiceEvent("preview", "preview", e.eventType(), e.occurredAt(), e.scheduledAt(),
                    e.customerCategory(), e.staffIds(), e.attributes());
            CustomerPreferences prefs = new CustomerPreferences(hours, e.requestedCallbackAt(),
                    new Consent(e.optedOutChannels(), e.doNotContact()));
            PlanningResult r = planner.plan(plan, event, prefs, calendar, clock.instant(),
                    e.sampled() ? PlanningOptions.sampled(null) : PlanningOptions.NONE);
            return new Preview(r.outcome().name(), r.visits().stream().map(PlanController::preview).toList(),
                    r.supersededStages(), r.explanation());
        }));
    }

    private static PreviewVisit preview(PlannedVisit v) {
        return new PreviewVisit(v.planId(), v.planVersion(), v.stage(), v.occurrence(), v.earliestAt(), v.dueAt(),
                v.deadlineAt(), v.channel() == null ? null : v.channel().name(),
                v.ladder().stream().map(r -> r.channel().name()).toList(), v.priority(), v.surveyTemplateId(),
                v.deadlineAtRisk(), v.explanation());
    }

    private PlanView view(Plan plan) {
        try {
            return new PlanView(plan.id(), plan.version(), plan.name(), TREE.readTree(catalog.write(plan)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEditor(Caller caller) {
        if (!caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR)) {
            throw ApiProblem.forbidden("schedule.plan.editors-only");
        }
    }
}
