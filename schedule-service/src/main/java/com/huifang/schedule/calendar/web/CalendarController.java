package com.huifang.schedule.calendar.web;

import com.huifang.calendar.WorkingCalendar;
import com.huifang.platform.audit.AuditActor;
import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.schedule.calendar.TenantCalendars;
import com.huifang.schedule.calendar.UnknownYears;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/calendars")
@Tag(name = "Calendars")
public class CalendarController {

    private final TenantCalendars calendars;
    private final UnknownYears unknownYears;

    public CalendarController(TenantCalendars calendars, UnknownYears unknownYears) {
        this.calendars = calendars;
        this.unknownYears = unknownYears;
    }

    public record Holiday(LocalDate date, String name) {
    }

    public record CalendarView(String zone, List<String> weeklyWorkingDays, String callingWindows, String businessHours,
                               List<Integer> knownYears, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays) {
    }

    public record CalendarSettings(
            @Size(max = 64) String zone,
            List<@Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY") String> weeklyWorkingDays,
            @Size(max = 200) String callingWindows,
            @Size(max = 200) String businessHours) {
    }

    public record DayView(LocalDate date, boolean workingDay, String holiday, boolean makeUpWorkingDay) {
    }

    @GetMapping
    @Operation(summary = "The tenant's calendar: zone, weekly days, holidays, make-up working days, windows, business hours")
    public Mono<CalendarView> get(Caller caller) {
        return calendars.document(caller.tenantId()).zipWith(calendars.of(caller.tenantId()), (doc, cal) -> {
            WorkingCalendar w = cal.workingDays();
            return new CalendarView(w.zone().getId(), w.weeklyWorkingDays().stream().sorted().map(Enum::name).toList(),
                    String.join(", ", cal.callingWindows().windows().stream().map(Object::toString).toList()),
                    doc.businessHours == null ? "09:00-18:00" : doc.businessHours,
                    List.copyOf(w.knownYears()),
                    w.publicHolidays().stream().map(d -> new Holiday(d, w.holidayName(d).orElse(null))).toList(),
                    List.copyOf(w.makeUpWorkingDays()));
        });
    }

    @PutMapping
    @Operation(summary = "Set the zone, weekly working days, calling windows and business hours (ADMIN)")
    public Mono<CalendarView> configure(Caller caller, @Valid @RequestBody CalendarSettings settings) {
        requireAdmin(caller);
        return calendars.configure(AuditActor.of(caller), caller.tenantId(), settings.zone(), settings.weeklyWorkingDays(),
                settings.callingWindows(), settings.businessHours()).then(get(caller));
    }

    @PostMapping(path = "/years", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/yaml", "application/x-yaml",
            "text/yaml", MediaType.APPLICATION_JSON_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload holiday years (the cn-public-holidays.yaml format, YAML or JSON); validated, then merged (ADMIN)")
    public Mono<CalendarView> upload(Caller caller, @RequestBody String document) {
        requireAdmin(caller);
        return calendars.upload(AuditActor.of(caller), caller.tenantId(), document).then(get(caller));
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "Whether a date is a working day for the tenant; a year the calendar does not know is a 422")
    public Mono<DayView> day(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return unknownYears.report(calendars.of(caller.tenantId()).map(cal -> {
            WorkingCalendar w = cal.workingDays();
            return new DayView(date, w.isWorkingDay(date), w.holidayName(date).orElse(null), w.isMakeUpWorkingDay(date));
        }));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            throw ApiProblem.forbidden("schedule.calendar.admin-only");
        }
    }

}
