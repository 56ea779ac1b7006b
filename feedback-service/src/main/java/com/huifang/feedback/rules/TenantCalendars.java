package com.huifang.feedback.rules;

import com.huifang.calendar.CalendarFormatException;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.feedback.issue.SlaSweeper;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.feedback.rules.domain.TenantCalendar;
import com.huifang.feedback.rules.store.TenantCalendarDocument;
import com.huifang.platform.mongo.VersionedCopies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Each tenant's working calendar as feedback-service counts SLAs with it: the copy of the last
 * {@code TenantCalendarChanged} (highest version wins), or the PRC default for a tenant that never sent one.
 * Built calendars are cached by (tenant, version), so every instance sees a change as soon as it is stored.
 */
@Service
public class TenantCalendars {

    private static final Logger log = LoggerFactory.getLogger(TenantCalendars.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry registry;
    private final VersionedCopies<TenantCalendarDocument> copies;
    private final Map<String, TenantCalendar> cache = new ConcurrentHashMap<>();

    public TenantCalendars(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.copies = VersionedCopies.of(mongo, TenantCalendarDocument.class, "calendarVersion");
        this.clock = clock;
        this.registry = registry;
    }

    public Mono<TenantCalendar> of(String tenantId) {
        return mongo.findById(tenantId, TenantCalendarDocument.class)
                .map(doc -> {
                    var cached = cache.get(tenantId);
                    if (cached != null && cached.version() == doc.calendarVersion) {
                        return cached;
                    }
                    var built = TenantCalendar.of(doc.zone, doc.weeklyWorkingDays, doc.businessHours, doc.uploadedYears,
                            doc.calendarVersion);
                    cache.put(tenantId, built);
                    return built;
                })
                .defaultIfEmpty(TenantCalendar.prcDefault());
    }

    /**
     * Keeps the calendar of {@code event} unless a higher version is stored already. A calendar that does not
     * build (schedule-service validates before publishing, so this means the two disagree) is counted and
     * logged, and the previous copy stays in force.
     */
    public Mono<Void> changed(String tenantId, TenantCalendarChanged event) {
        if (event.tenant() != null && !event.tenant().equals(tenantId)) {
            log.warn("TenantCalendarChanged for tenant {} arrived in an envelope of tenant {}: ignored", event.tenant(),
                    tenantId);
            return Mono.empty();
        }
        try {
            TenantCalendar.of(event.zone(), event.weeklyWorkingDays(), event.businessHours(), event.uploadedYears(),
                    event.version());
        } catch (CalendarFormatException e) {
            registry.counter("huifang.calendar.rejected", "service", "feedback-service").increment();
            log.warn("Calendar version {} of tenant {} rejected, previous copy kept: {}", event.version(), tenantId,
                    e.getMessage());
            return Mono.empty();
        }
        var update = new Update()
                .set("zone", event.zone())
                .set("weeklyWorkingDays", event.weeklyWorkingDays() == null ? new ArrayList<>() : event.weeklyWorkingDays())
                .set("businessHours", event.businessHours())
                .set("uploadedYears", event.uploadedYears() == null ? new ArrayList<>() : event.uploadedYears())
                .set("changedAt", event.changedAt())
                .set("receivedAt", clock.instant());
        // a stored version at least as high stays, and nothing else happens
        return copies.offer(tenantId, (long) event.version(), update)
                .filter(VersionedCopies.Outcome::applied)
                // the tenant's running SLA clocks now fall due at other instants: the sweeper looks at each again
                .flatMap(r -> mongo.updateMulti(Query.query(Criteria.where("tenantId").is(tenantId)
                                .and("state").in(SlaSweeper.ACTIVE).and("nextAlertAt").ne(null)),
                        new Update().set("nextAlertAt", clock.instant()), IssueDocument.class))
                .then();
    }
}
