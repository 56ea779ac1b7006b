package com.huifang.schedule.calendar;

import com.huifang.calendar.CalendarFormatException;
import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.HolidayCalendars;
import com.huifang.calendar.WorkingCalendar;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.schedule.calendar.store.CalendarDocument;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.audit.AuditDraft;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.correlation.CorrelationId;
import com.huifang.platform.messaging.OutboxEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Each tenant's calendar: the PRC 2025–2026 default (Asia/Shanghai, Monday–Friday, windows 10–12 and
 * 15–17, business hours 09:00–18:00) with the tenant's settings and uploaded years on top. Built
 * calendars are cached by (tenant, document version), so every instance sees an upload at once.
 */
@Service
public class TenantCalendars {

    public static final DailyWindows DEFAULT_BUSINESS_HOURS = DailyWindows.parse("09:00-18:00");

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Built> cache = new ConcurrentHashMap<>();

    private record Built(Long version, TenantCalendar calendar) {
    }

    private final AuditTrail auditTrail;
    private final Clock clock;

    public TenantCalendars(ReactiveMongoTemplate mongo, AuditTrail auditTrail, Clock clock) {
        this.mongo = mongo;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public Mono<TenantCalendar> of(String tenantId) {
        return mongo.findById(tenantId, CalendarDocument.class)
                .map(doc -> {
                    Built b = cache.get(tenantId);
                    if (b != null && b.version().equals(doc.version)) {
                        return b.calendar();
                    }
                    TenantCalendar built = build(doc);
                    cache.put(tenantId, new Built(doc.version, built));
                    return built;
                })
                .defaultIfEmpty(TenantCalendar.prcDefault());
    }

    public Mono<CalendarDocument> document(String tenantId) {
        return mongo.findById(tenantId, CalendarDocument.class).defaultIfEmpty(fresh(tenantId));
    }

    /** Replaces the settings (zone, weekly days, windows, business hours); uploaded years are kept. */
    public Mono<CalendarDocument> configure(AuditActor actor, String tenantId, String zone, java.util.List<String> weeklyDays,
                                            String callingWindows, String businessHours) {
        return Mono.defer(() -> document(tenantId).flatMap(doc -> {
                    Map<String, String> before = settings(doc);
                    doc.tenantId = tenantId;
                    doc.zone = zone;
                    doc.weeklyWorkingDays = weeklyDays == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(weeklyDays);
                    doc.callingWindows = callingWindows;
                    doc.businessHours = businessHours;
                    build(doc);
                    return changed(doc, AuditDraft.by(actor, tenantId).action("calendar.configured")
                            .target("calendar", tenantId).before(before).after(settings(doc)).build());
                }))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance));
    }

    /**
     * Saves a changed calendar with, in the same document write, the {@code TenantCalendarChanged}
     * event carrying the whole calendar (next version; its id derived from tenant and version) and
     * the audit entry.
     */
    private Mono<CalendarDocument> changed(CalendarDocument doc, AuditDraft audit) {
        doc.calendarVersion++;
        Instant now = clock.instant();
        TenantCalendarChanged event = new TenantCalendarChanged(doc.tenantId,
                doc.zone == null ? HolidayCalendars.prc().zone().getId() : doc.zone,
                List.copyOf(doc.weeklyWorkingDays),
                doc.businessHours == null ? text(DEFAULT_BUSINESS_HOURS) : doc.businessHours,
                doc.callingWindows == null ? text(TenantCalendar.DEFAULT_WINDOWS) : doc.callingWindows,
                List.copyOf(doc.uploadedYears), doc.calendarVersion, now);
        String key = "TenantCalendarChanged:" + doc.tenantId + ":" + doc.calendarVersion;
        return CorrelationId.current().defaultIfEmpty("none").flatMap(correlationId -> {
            doc.outbox.add(OutboxEntry.of(EventJson.envelope(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
                    event, doc.tenantId, correlationId, now)));
            doc.outbox.add(auditTrail.entry(audit, AuditTrail.idFor(key), now, correlationId));
            return mongo.save(doc);
        });
    }

    private static String text(DailyWindows windows) {
        return String.join(",", windows.windows().stream().map(Object::toString).toList());
    }

    private static Map<String, String> settings(CalendarDocument doc) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zone", String.valueOf(doc.zone));
        m.put("weeklyWorkingDays", String.join(",", doc.weeklyWorkingDays));
        m.put("callingWindows", String.valueOf(doc.callingWindows));
        m.put("businessHours", String.valueOf(doc.businessHours));
        m.put("uploadedYears", Integer.toString(doc.uploadedYears.size()));
        return m;
    }

    /** Validates an uploaded year document (YAML or JSON, the bundled format) and merges it in. */
    public Mono<CalendarDocument> upload(AuditActor actor, String tenantId, String text) {
        return Mono.fromCallable(() -> parse(text)).flatMap(parsed -> Mono.defer(() -> document(tenantId).flatMap(doc -> {
                    Map<String, String> before = settings(doc);
                    doc.uploadedYears.add(text);
                    build(doc);
                    Map<String, String> after = settings(doc);
                    after.put("yearsUploaded", parsed.knownYears().stream().sorted().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(",")));
                    return changed(doc, AuditDraft.by(actor, tenantId).action("calendar.year-uploaded")
                            .target("calendar", tenantId).before(before).after(after).build());
                })))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance));
    }

    static WorkingCalendar parse(String text) {
        try {
            return HolidayCalendars.fromYaml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (CalendarFormatException e) {
            throw ApiProblem.invalidField("calendar", "calendar-format", "schedule.calendar.invalid", e.getMessage());
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("calendar", "calendar-format", "schedule.calendar.invalid", String.valueOf(e.getMessage()));
        }
    }

    /** Builds the tenant's calendar; an inconsistent document is a 400 naming the problem. */
    static TenantCalendar build(CalendarDocument doc) {
        try {
            WorkingCalendar calendar = HolidayCalendars.forTenant(doc.zone, doc.weeklyWorkingDays, doc.uploadedYears);
            DailyWindows windows = doc.callingWindows == null ? TenantCalendar.DEFAULT_WINDOWS
                    : DailyWindows.parse(doc.callingWindows);
            if (doc.businessHours != null) {
                DailyWindows.parse(doc.businessHours);
            }
            return new TenantCalendar(calendar, windows);
        } catch (ApiProblem p) {
            throw p;
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("calendar", "calendar-invalid", "schedule.calendar.invalid", String.valueOf(e.getMessage()));
        }
    }

    private static CalendarDocument fresh(String tenantId) {
        CalendarDocument doc = new CalendarDocument();
        doc.id = tenantId;
        doc.tenantId = tenantId;
        return doc;
    }
}
