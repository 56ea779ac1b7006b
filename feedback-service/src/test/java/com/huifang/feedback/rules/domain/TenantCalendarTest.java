package com.huifang.feedback.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.calendar.CalendarFormatException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantCalendarTest {

    /** 2026 as published, plus a company holiday on Monday 9 March and a make-up Saturday 14 March. */
    static final String YEAR_2026_WITH_COMPANY_DAYS = """
            years:
              2026:
                holidays:
                  - { name: 元旦 New Year, from: 2026-01-01, to: 2026-01-03 }
                  - { name: 春节 Spring Festival, from: 2026-02-15, to: 2026-02-23 }
                  - { name: 公司日 Company day, from: 2026-03-09, to: 2026-03-09 }
                  - { name: 清明节 Qingming, from: 2026-04-04, to: 2026-04-06 }
                  - { name: 劳动节 Labour Day, from: 2026-05-01, to: 2026-05-05 }
                  - { name: 端午节 Dragon Boat, from: 2026-06-19, to: 2026-06-21 }
                  - { name: 中秋节 Mid-Autumn, from: 2026-09-25, to: 2026-09-27 }
                  - { name: 国庆节 National Day, from: 2026-10-01, to: 2026-10-07 }
                makeUpWorkdays: [2026-01-04, 2026-02-14, 2026-02-28, 2026-03-14, 2026-05-09, 2026-09-20, 2026-10-10]
            """;

    @Test
    void aTenantWithoutItsOwnCalendarCountsInThePrcDefault() {
        var prc = TenantCalendar.prcDefault();
        assertThat(prc.calendar().isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue(); // make-up Saturday
        assertThat(prc.calendar().isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();
        assertThat(prc.businessHours()).isEmpty();
    }

    @Test
    void anUploadedYearReplacesThatYearsHolidaysAndMakeUpDays() {
        var c = TenantCalendar.of(null, List.of(), null, List.of(YEAR_2026_WITH_COMPANY_DAYS), 3).calendar();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-03-09"))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-03-14"))).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
        // 2025 is untouched
        assertThat(c.isWorkingDay(LocalDate.parse("2025-10-08"))).isFalse();
    }

    @Test
    void aSixDayWeekMakesSaturdayAWorkingDayAndKeepsTheOfficialMakeUpSaturdaysWorking() {
        var week = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");
        var c = TenantCalendar.of("Asia/Shanghai", week, "08:00-20:00", List.of(), 2);
        assertThat(c.calendar().isWorkingDay(LocalDate.parse("2026-03-07"))).isTrue();
        assertThat(c.calendar().isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(c.calendar().isWorkingDay(LocalDate.parse("2026-03-08"))).isFalse();
        assertThat(c.calendar().isWorkingDay(LocalDate.parse("2026-10-03"))).isFalse(); // National Day, a Saturday
        assertThat(c.businessHours()).contains("08:00-20:00");
        assertThat(c.version()).isEqualTo(2);
    }

    @Test
    void theZoneIsTheTenants() {
        var c = TenantCalendar.of("Europe/Berlin", null, null, null, 1);
        assertThat(c.calendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aBrokenCalendarIsRejectedNamingWhatIsWrong() {
        assertThatThrownBy(() -> TenantCalendar.of("Mars/Olympus", null, null, null, 1))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> TenantCalendar.of(null, List.of("FUNDAY"), null, null, 1))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> TenantCalendar.of(null, null, "25:00-26:00", null, 1))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("businessHours");
        assertThatThrownBy(() -> TenantCalendar.of(null, null, null, List.of("years: {}"), 1))
                .isInstanceOf(CalendarFormatException.class);
    }
}
