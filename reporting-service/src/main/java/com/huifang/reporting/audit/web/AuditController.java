package com.huifang.reporting.audit.web;

import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.reporting.audit.domain.AuditCsv;
import com.huifang.reporting.audit.domain.AuditEntry;
import com.huifang.reporting.audit.domain.AuditSearch;
import com.huifang.reporting.audit.domain.AuditSearchException;
import com.huifang.reporting.audit.store.AuditStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant's audit trail, read-only: search, one entry, CSV export. Only GET is mapped, so PUT,
 * PATCH and DELETE answer 405 — no API can alter or remove an entry (issue 10, bad input).
 * Readers: SUPERVISOR and AUDITOR (the searchers) and ADMIN; agents, handlers, leadership and
 * partners get 403. The tenant is the caller's alone.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
public class AuditController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditStore store;
    private final AuditTrail trail;
    private final Clock clock;
    private final com.huifang.reporting.facts.store.FactReader facts;

    public AuditController(AuditStore store, AuditTrail trail, Clock clock,
                           com.huifang.reporting.facts.store.FactReader facts) {
        this.facts = facts;
        this.store = store;
        this.trail = trail;
        this.clock = clock;
    }

    /** One entry as clients see it. */
    public record EntryView(String auditId, Instant at, String service, String actor, String actorRole, String action,
                            String targetType, String targetId, Map<String, String> before, Map<String, String> after,
                            String reason, String correlationId) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.auditId(), e.at(), e.service(), e.actor(), e.actorRole(), e.action(),
                    e.targetType(), e.targetId(), e.before(), e.after(), e.reason(), e.correlationId());
        }
    }

    /** @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page */
    public record Page(List<EntryView> entries, String nextCursor) {
    }

    @GetMapping
    @Operation(summary = "SUPERVISOR/AUDITOR/ADMIN: search the audit trail, newest first. Filters: actor, action "
            + "(prefix: 'plan.' finds plan.published), targetType (+ targetId), service, from/to (ISO instant or "
            + "tenant-local date; half-open, at most one year, default the last 30 days); limit (1–200, default 50); "
            + "cursor from the previous page")
    public Mono<Page> search(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return search(caller, params, false).flatMap(s -> store.search(s).collectList().map(found -> {
            boolean more = found.size() > s.limit();
            List<AuditEntry> page = more ? found.subList(0, s.limit()) : found;
            return new Page(page.stream().map(EntryView::of).toList(),
                    more ? page.get(page.size() - 1).cursor().encode() : null);
        }));
    }

    @GetMapping("/{auditId}")
    @Operation(summary = "SUPERVISOR/AUDITOR/ADMIN: one entry of the audit trail")
    public Mono<EntryView> one(Caller caller, @PathVariable String auditId) {
        return Mono.fromRunnable(() -> requireReader(caller))
                .then(store.find(caller.tenantId(), auditId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("audit entry", auditId)))
                .map(EntryView::of);
    }

    @GetMapping("/export.csv")
    @Operation(summary = "SUPERVISOR/AUDITOR/ADMIN: every entry matching the search filters as CSV (UTF-8 with BOM), "
            + "streamed; the export itself is audited (audit.exported)")
    public Mono<Void> export(Caller caller, @RequestParam MultiValueMap<String, String> params,
                             ServerHttpResponse response) {
        return search(caller, params, true).flatMap(s -> trail.record(AuditDraft.by(AuditActor.of(caller), caller.tenantId())
                        .action("audit.exported").target("audit-trail", caller.tenantId()).after(s.describe()).build())
                .then(Mono.defer(() -> {
                    response.getHeaders().setContentType(CSV);
                    response.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"audit-" + caller.tenantId().replaceAll("[^A-Za-z0-9_-]", "_")
                                    + ".csv\"");
                    Flux<String> lines = Flux.concat(Mono.just(AuditCsv.header()),
                            store.search(s.unpaged()).map(AuditCsv::line));
                    return response.writeWith(lines.map(l -> response.bufferFactory()
                            .wrap(l.getBytes(StandardCharsets.UTF_8))));
                })));
    }

    private Mono<AuditSearch> search(Caller caller, MultiValueMap<String, String> params, boolean export) {
        return Mono.fromRunnable(() -> {
            requireReader(caller);
            if (export && params.getFirst("cursor") != null) {
                throw ApiProblem.invalidField("cursor", "not-allowed", "audit.search.no-cursor-in-export");
            }
        }).then(facts.zone(caller.tenantId())).map(zone -> {
            try {
                // dates without a time are the tenant's local dates
                return AuditSearch.parse(caller.tenantId(), params::getFirst, clock.instant(), zone);
            } catch (AuditSearchException e) {
                throw ApiProblem.invalidField(e.field(), e.code(), e.messageKey(), e.args());
            }
        });
    }

    static void requireReader(Caller caller) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN)) {
            throw ApiProblem.forbidden("problem.forbidden");
        }
    }
}
