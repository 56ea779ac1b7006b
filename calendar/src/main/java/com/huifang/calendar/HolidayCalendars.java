package com.huifang.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Calendars loaded from the holiday YAML format of {@code calendars/cn-public-holidays.yaml}:
 *
 * <pre>
 * zone: Asia/Shanghai            # optional, default Asia/Shanghai
 * years:
 *   2025:
 *     holidays:
 *       - { name: 国庆节、中秋节 National Day and Mid-Autumn, from: 2025-10-01, to: 2025-10-08 }
 *     makeUpWorkdays: [2025-09-28, 2025-10-11]
 * </pre>
 *
 * Weekly working days are Monday–Friday, as in the State Council notices. Every year listed becomes
 * a known year, even one without holidays.
 */
public final class HolidayCalendars {

    private static final String PRC_RESOURCE = "/calendars/cn-public-holidays.yaml";
    private static final Set<DayOfWeek> WEEKLY_WORKING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private HolidayCalendars() {
    }

    /** Loaded once: the calendar is immutable, so every caller can share it. */
    private static final class Prc {
        static final WorkingCalendar CALENDAR = load();

        private static WorkingCalendar load() {
            try (InputStream in = HolidayCalendars.class.getResourceAsStream(PRC_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled calendar " + PRC_RESOURCE + " is missing");
                }
                return fromYaml(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The default calendar: PRC public holidays and make-up working days of 2025–2026 (国务院办公厅
     * 关于2025年/2026年部分节假日安排的通知), Asia/Shanghai, Monday–Friday.
     */
    public static WorkingCalendar prc() {
        return Prc.CALENDAR;
    }

    /**
     * A tenant's calendar from its settings, the one derivation every service uses (schedule-service
     * owns the settings, feedback-service copies them from {@code TenantCalendarChanged}): the PRC
     * default with the tenant's zone and weekly working days, then each uploaded year (text in the
     * bundled format) replacing the years it knows, in upload order. Official make-up days that fall
     * on one of the tenant's weekly working days are ordinary working days there.
     *
     * @param zone              IANA zone id; null or blank keeps Asia/Shanghai
     * @param weeklyWorkingDays MONDAY…SUNDAY (any case); null or empty keeps Monday–Friday
     * @param uploadedYears     holiday documents as uploaded; null for none
     * @throws CalendarFormatException naming the setting or the document that is wrong
     */
    public static WorkingCalendar forTenant(String zone, List<String> weeklyWorkingDays, List<String> uploadedYears) {
        WorkingCalendar.Builder b = prc().toBuilder();
        if (zone != null && !zone.isBlank()) {
            try {
                b.zone(ZoneId.of(zone.strip()));
            } catch (DateTimeException e) {
                throw new CalendarFormatException("zone: '" + zone + "' is not a time zone id", e);
            }
        }
        if (weeklyWorkingDays != null && !weeklyWorkingDays.isEmpty()) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : weeklyWorkingDays) {
                try {
                    days.add(DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new CalendarFormatException("weeklyWorkingDays: '" + day + "' is not a day of the week");
                }
            }
            b.weeklyWorkingDays(days);
        }
        for (String text : uploadedYears == null ? List.<String>of() : uploadedYears) {
            b.mergeYears(fromYaml(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        return b.build();
    }

    /**
     * Parses and validates a calendar in the bundled format, e.g. a year uploaded by an admin; merge it
     * into a tenant's calendar with {@code tenant.toBuilder().mergeYears(uploaded).build()}.
     *
     * @throws CalendarFormatException naming the offending entry when the document is malformed, a date
     *     is invalid, a range's {@code from} is after its {@code to}, two holiday ranges overlap, a
     *     make-up working day is not a Saturday or Sunday or falls in a holiday, or a date lies outside
     *     the year it is listed under
     */
    public static WorkingCalendar fromYaml(InputStream in) {
        Object document;
        try {
            document = yaml().load(in);
        } catch (YAMLException e) {
            throw new CalendarFormatException("calendar is not valid YAML: " + e.getMessage(), e);
        }
        Map<?, ?> root = map(document, "(document)");
        WorkingCalendar.Builder builder = WorkingCalendar.builder().weeklyWorkingDays(WEEKLY_WORKING_DAYS);
        Object zone = root.get("zone");
        if (zone != null) {
            try {
                builder.zone(ZoneId.of(zone.toString()));
            } catch (DateTimeException e) {
                throw new CalendarFormatException("zone: '" + zone + "' is not a time zone id", e);
            }
        }
        Map<?, ?> years = map(root.get("years"), "years");
        if (years.isEmpty()) {
            throw new CalendarFormatException("years: at least one year is required");
        }
        TreeMap<LocalDate, String> holidayOwner = new TreeMap<>();
        List<LocalDate> makeUps = new ArrayList<>();
        List<String> makeUpPaths = new ArrayList<>();
        for (Map.Entry<?, ?> entry : years.entrySet()) {
            int year = year(entry.getKey());
            String yearPath = "years." + year;
            builder.knownYear(year);
            Map<?, ?> content = entry.getValue() == null ? Map.of() : map(entry.getValue(), yearPath);
            List<?> holidays = list(content.get("holidays"), yearPath + ".holidays");
            for (int i = 0; i < holidays.size(); i++) {
                String path = yearPath + ".holidays[" + i + "]";
                Map<?, ?> holiday = map(holidays.get(i), path);
                Object nameValue = holiday.get("name");
                if (nameValue == null || nameValue.toString().isBlank()) {
                    throw new CalendarFormatException(path + ".name: required");
                }
                String name = nameValue.toString();
                LocalDate from = date(holiday.get("from"), path + ".from");
                LocalDate to = date(holiday.get("to"), path + ".to");
                if (from.isAfter(to)) {
                    throw new CalendarFormatException(path + ": from " + from + " is after to " + to);
                }
                // A range belongs to its year but may spill over New Year (元旦 2024 ran 2023-12-30..2024-01-01).
                if (from.getYear() != year && to.getYear() != year) {
                    throw new CalendarFormatException(path + ": " + from + ".." + to + " is not in " + year);
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    String previous = holidayOwner.put(d, path + " (" + name + ")");
                    if (previous != null) {
                        throw new CalendarFormatException(path + ": " + name + " overlaps " + previous + " on " + d);
                    }
                }
                builder.holidays(from, to, name);
            }
            List<?> days = list(content.get("makeUpWorkdays"), yearPath + ".makeUpWorkdays");
            for (int i = 0; i < days.size(); i++) {
                String path = yearPath + ".makeUpWorkdays[" + i + "]";
                LocalDate d = date(days.get(i), path);
                if (d.getYear() != year) {
                    throw new CalendarFormatException(path + ": " + d + " is not in " + year);
                }
                if (WEEKLY_WORKING_DAYS.contains(d.getDayOfWeek())) {
                    throw new CalendarFormatException(path + ": " + d + " is a " + d.getDayOfWeek()
                            + "; a make-up working day must be a Saturday or Sunday");
                }
                if (makeUps.contains(d)) {
                    throw new CalendarFormatException(path + ": " + d + " is listed twice");
                }
                makeUps.add(d);
                makeUpPaths.add(path);
                builder.makeUpWorkingDay(d);
            }
        }
        for (int i = 0; i < makeUps.size(); i++) {
            String owner = holidayOwner.get(makeUps.get(i));
            if (owner != null) {
                throw new CalendarFormatException(makeUpPaths.get(i) + ": " + makeUps.get(i) + " falls in holiday " + owner);
            }
        }
        return builder.build();
    }

    /** SnakeYAML without the implicit timestamp type, so that dates stay text and are parsed (and reported) here. */
    private static Yaml yaml() {
        Resolver resolver = new Resolver() {
            @Override
            public void addImplicitResolver(org.yaml.snakeyaml.nodes.Tag tag, java.util.regex.Pattern regexp,
                    String first, int limit) {
                if (!org.yaml.snakeyaml.nodes.Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, resolver);
    }

    private static Map<?, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new CalendarFormatException(path + ": expected a mapping but found " + describe(value));
    }

    private static List<?> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw new CalendarFormatException(path + ": expected a list but found " + describe(value));
    }

    private static int year(Object key) {
        if (key instanceof Integer y) {
            return y;
        }
        try {
            return Integer.parseInt(String.valueOf(key));
        } catch (NumberFormatException e) {
            throw new CalendarFormatException("years: '" + key + "' is not a year");
        }
    }

    private static LocalDate date(Object value, String path) {
        if (value == null) {
            throw new CalendarFormatException(path + ": required");
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeException e) {
            throw new CalendarFormatException(path + ": '" + value + "' is not a date (yyyy-MM-dd)", e);
        }
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
