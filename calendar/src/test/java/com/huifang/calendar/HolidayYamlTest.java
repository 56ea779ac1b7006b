package com.huifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Loading the bundled PRC calendar and validating admin-uploaded years. */
class HolidayYamlTest {

    private static WorkingCalendar load(String yaml) {
        return HolidayCalendars.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String year2027(String holidays, String makeUps) {
        return "years:\n  2027:\n    holidays:\n" + holidays + "    makeUpWorkdays: " + makeUps + "\n";
    }

    @Test
    void bundledPrcCalendarHasTheOfficialYears() {
        WorkingCalendar prc = HolidayCalendars.prc();

        assertThat(prc.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(prc.knownYears()).containsExactly(2025, 2026);
        assertThat(prc.makeUpWorkingDays()).hasSize(11);
        // 2025: 1+8+3+5+3+8 = 28 rest days; 2026: 3+9+3+5+3+3+7 = 33
        assertThat(prc.publicHolidays()).hasSize(61);
        assertThat(prc.holidayName(LocalDate.parse("2026-02-17"))).contains("春节 Spring Festival");
        assertThat(HolidayCalendars.prc()).isSameAs(prc);
    }

    @Test
    void zoneDefaultsToShanghai() {
        assertThat(load(year2027("", "[]")).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(load("zone: Europe/Berlin\n" + year2027("", "[]")).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void overlappingHolidayRangesAreRejected() {
        String holidays = "      - { name: A, from: 2027-05-01, to: 2027-05-05 }\n"
                + "      - { name: B, from: 2027-05-05, to: 2027-05-06 }\n";
        assertThatThrownBy(() -> load(year2027(holidays, "[]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years.2027.holidays[1]")
                .hasMessageContaining("overlaps")
                .hasMessageContaining("2027-05-05");
    }

    @Test
    void rangeEndingBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> load(year2027("      - { name: A, from: 2027-05-05, to: 2027-05-01 }\n", "[]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years.2027.holidays[0]: from 2027-05-05 is after to 2027-05-01");
    }

    @Test
    void makeUpWorkdayOnWeekdayIsRejected() {
        assertThatThrownBy(() -> load(year2027("", "[2027-01-09, 2027-01-06]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years.2027.makeUpWorkdays[1]")
                .hasMessageContaining("WEDNESDAY");
    }

    @Test
    void makeUpWorkdayInsideHolidayIsRejected() {
        assertThatThrownBy(() -> load(year2027("      - { name: A, from: 2027-05-01, to: 2027-05-05 }\n", "[2027-05-02]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years.2027.makeUpWorkdays[0]")
                .hasMessageContaining("falls in holiday");
    }

    @Test
    void impossibleDateIsRejected() {
        assertThatThrownBy(() -> load(year2027("      - { name: A, from: 2027-02-30, to: 2027-03-01 }\n", "[]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years.2027.holidays[0].from: '2027-02-30' is not a date");
        assertThatThrownBy(() -> load(year2027("", "[soon]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years.2027.makeUpWorkdays[0]: 'soon' is not a date");
    }

    @Test
    void dateListedUnderTheWrongYearIsRejected() {
        assertThatThrownBy(() -> load(year2027("      - { name: A, from: 2028-05-01, to: 2028-05-02 }\n", "[]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("is not in 2027");
        assertThatThrownBy(() -> load(year2027("", "[2028-01-08]")))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("is not in 2027");
    }

    @Test
    void newYearHolidaySpillingIntoThePreviousYearIsAccepted() {
        WorkingCalendar c = load(year2027("      - { name: 元旦, from: 2026-12-31, to: 2027-01-01 }\n", "[]"));
        assertThat(c.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(c.isPublicHoliday(LocalDate.parse("2026-12-31"))).isTrue();
    }

    @Test
    void malformedDocumentsAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> load("years: [2027]")).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("years: expected a mapping");
        assertThatThrownBy(() -> load("years: {}")).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("at least one year");
        assertThatThrownBy(() -> load("years:\n  next: {}\n")).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("'next' is not a year");
        assertThatThrownBy(() -> load("zone: Mars/Olympus\n" + year2027("", "[]")))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> load(year2027("      - { from: 2027-05-01, to: 2027-05-02 }\n", "[]")))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("holidays[0].name: required");
        assertThatThrownBy(() -> load("years: {2027: {holidays: [}}")).isInstanceOf(CalendarFormatException.class)
                .hasMessageContaining("not valid YAML");
    }
}
