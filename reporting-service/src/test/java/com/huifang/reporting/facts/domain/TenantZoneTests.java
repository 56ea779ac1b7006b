package com.huifang.reporting.facts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.contracts.events.TenantCalendarChanged;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A tenant's zone is the one of its highest calendar version, whatever order the calendars arrive in. */
class TenantZoneTests {

    private static TenantCalendarChanged calendar(String zone, int version) {
        return new TenantCalendarChanged("t1", zone, List.of(), "09:00-18:00", "10:00-12:00", List.of(), version,
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(version));
    }

    @Test
    void aTenantWithoutCalendarIsOnShanghaiTime() {
        assertThat(TenantZone.defaultFor("t1").zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aLaterCalendarVersionMovesTheTenantToItsZoneAndAnOlderOneArrivingLateDoesNotMoveItBack() {
        TenantZone zone = TenantZone.defaultFor("t1")
                .merge(TenantZone.of("t1", calendar("Asia/Urumqi", 3)))
                .merge(TenantZone.of("t1", calendar("Europe/Berlin", 2)));
        assertThat(zone).isEqualTo(new TenantZone("t1", ZoneId.of("Asia/Urumqi"), 3));
    }

    @Test
    void aCalendarWithoutZoneKeepsTheDefaultZone() {
        assertThat(TenantZone.of("t1", calendar(null, 1)).zone()).isEqualTo(DimensionSource.DEFAULT_ZONE);
        assertThat(TenantZone.of("t1", calendar(" ", 1)).zone()).isEqualTo(DimensionSource.DEFAULT_ZONE);
    }

    @Test
    void anUnknownZoneIsRejectedNotGuessed() {
        assertThatThrownBy(() -> TenantZone.of("t1", calendar("Mars/Olympus_Mons", 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mars/Olympus_Mons");
    }

    @Test
    void anotherTenantsZoneIsNotMerged() {
        assertThatThrownBy(() -> TenantZone.defaultFor("t1").merge(TenantZone.defaultFor("t2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void calendarsInAnyOrderWithDuplicatesEndOnTheHighestVersion(@ForAll("calendars") List<TenantZone> calendars) {
        TenantZone merged = TenantZone.defaultFor("t1");
        TenantZone highest = TenantZone.defaultFor("t1");
        for (TenantZone z : calendars) {
            merged = merged.merge(z);
            if (z.version() > highest.version()
                    || z.version() == highest.version() && z.zone().getId().compareTo(highest.zone().getId()) > 0) {
                highest = z;
            }
        }
        assertThat(merged).isEqualTo(highest);
        List<TenantZone> reversed = new ArrayList<>(calendars);
        java.util.Collections.reverse(reversed);
        TenantZone other = TenantZone.defaultFor("t1");
        for (TenantZone z : reversed) {
            other = other.merge(z);
        }
        assertThat(other).isEqualTo(merged);
    }

    @Provide
    Arbitrary<List<TenantZone>> calendars() {
        Arbitrary<String> zones = Arbitraries.of("Asia/Shanghai", "Asia/Urumqi", "Europe/Berlin", "America/New_York");
        Arbitrary<Integer> versions = Arbitraries.integers().between(0, 6);
        return net.jqwik.api.Combinators.combine(zones, versions)
                .as((z, v) -> TenantZone.of("t1", calendar(z, v))).list().ofMaxSize(12);
    }
}
