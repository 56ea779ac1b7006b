package com.huifang.reporting.facts.domain;

import com.huifang.contracts.events.TenantCalendarChanged;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;

/**
 * A tenant's time zone as its working calendar last set it ({@link TenantCalendarChanged}, owned by
 * schedule-service). Every tenant-local date of the reports (due date, date raised, date of an opinion)
 * is taken in it. The calendar with the highest version wins, whatever order the events arrive in; a
 * tenant whose calendar was never seen is on {@link DimensionSource#DEFAULT_ZONE} (version -1).
 */
public record TenantZone(String tenantId, ZoneId zone, int version) {

    /** Higher version, then (for two calendars with one version, which should not happen) the larger zone id. */
    private static final Comparator<TenantZone> ORDER = Comparator.comparingInt(TenantZone::version)
            .thenComparing(z -> z.zone().getId());

    public TenantZone {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(zone, "zone");
    }

    public static TenantZone defaultFor(String tenantId) {
        return new TenantZone(tenantId, DimensionSource.DEFAULT_ZONE, -1);
    }

    /**
     * The zone a calendar event sets; a calendar without a zone keeps the default zone.
     *
     * @throws IllegalArgumentException when the zone is not an IANA zone id: reported (dead letter), never guessed
     */
    public static TenantZone of(String tenantId, TenantCalendarChanged calendar) {
        String id = calendar.zone();
        if (id == null || id.isBlank()) {
            return new TenantZone(tenantId, DimensionSource.DEFAULT_ZONE, calendar.version());
        }
        try {
            return new TenantZone(tenantId, ZoneId.of(id.trim()), calendar.version());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Calendar " + calendar.version() + " of tenant " + tenantId
                    + " has an unknown time zone: " + id, e);
        }
    }

    /** The zone that wins of this and {@code incoming}: commutative, associative and idempotent. */
    public TenantZone merge(TenantZone incoming) {
        if (!tenantId.equals(incoming.tenantId())) {
            throw new IllegalArgumentException("Zone of tenant " + incoming.tenantId() + " is not about " + tenantId);
        }
        return ORDER.compare(incoming, this) > 0 ? incoming : this;
    }
}
