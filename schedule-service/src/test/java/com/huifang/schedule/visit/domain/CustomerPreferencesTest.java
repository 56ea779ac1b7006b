package com.huifang.schedule.visit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.calendar.DailyWindows;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Rung;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerPreferencesTest {

    private static final List<Rung> LADDER = List.of(Rung.phone(Channel.PHONE, 3), Rung.phone(Channel.SECOND_PHONE, 2),
            Rung.once(Channel.SMS_LINK), Rung.once(Channel.HOME_VISIT));

    private static List<Channel> shaped(String preferred, Set<String> reachable) {
        return new CustomerPreferences(null, null, Consent.ANY, preferred, reachable).shape(LADDER, new ArrayList<>())
                .stream().map(Rung::channel).toList();
    }

    @Test
    void thePreferredChannelGoesFirstTheRestKeepsTheirOrder() {
        assertThat(shaped("SMS", Set.of())).containsExactly(Channel.SMS_LINK, Channel.PHONE, Channel.SECOND_PHONE, Channel.HOME_VISIT);
    }

    @Test
    void aPreferredPhoneKeepsTheFirstNumberFirst() {
        assertThat(shaped("PHONE", Set.of())).containsExactly(Channel.PHONE, Channel.SECOND_PHONE, Channel.SMS_LINK,
                Channel.HOME_VISIT);
    }

    @Test
    void aPreferredHomeVisitNeverGoesFirstBecauseCostlyRungsAreCapped() {
        assertThat(shaped("HOME_VISIT", Set.of())).containsExactly(Channel.PHONE, Channel.SECOND_PHONE, Channel.SMS_LINK,
                Channel.HOME_VISIT);
    }

    @Test
    void channelsTheCustomerCannotBeReachedOnAreDroppedUnlessNoneWouldRemain() {
        assertThat(shaped(null, Set.of("SMS"))).containsExactly(Channel.SMS_LINK);
        assertThat(shaped(null, Set.of("EMAIL"))).hasSize(4);
    }

    @Test
    void preferredHoursInAnotherZoneAreMovedIntoTheTenantsZone() {
        DailyWindows berlin = DailyWindows.parse("09:00-10:00");
        Instant winter = Instant.parse("2026-01-15T00:00:00Z");
        Instant summer = Instant.parse("2026-07-15T00:00:00Z");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(PreferredHours.inTenantZone(berlin, ZoneId.of("Europe/Berlin"), shanghai, winter).orElseThrow().toString())
                .isEqualTo("[16:00-17:00]");
        assertThat(PreferredHours.inTenantZone(berlin, ZoneId.of("Europe/Berlin"), shanghai, summer).orElseThrow().toString())
                .isEqualTo("[15:00-16:00]");
        assertThat(PreferredHours.inTenantZone(DailyWindows.parse("20:00-22:00"), ZoneId.of("Europe/Berlin"), shanghai, winter))
                .isEmpty();
        assertThat(PreferredHours.inTenantZone(berlin, null, shanghai, winter)).contains(berlin);
    }
}
