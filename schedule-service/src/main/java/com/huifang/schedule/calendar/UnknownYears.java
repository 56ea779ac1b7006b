package com.huifang.schedule.calendar;

import com.huifang.calendar.UnknownCalendarYearException;
import com.huifang.platform.problem.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A computation reached a year the tenant's calendar does not know: never a guess, always a
 * counted, reported failure (ARCHITECTURE.md, "Time and calendars"). API calls answer 422 naming
 * the year; event handlers count it and fail (the event goes to the dead-letter topic, to be
 * replayed once an admin uploaded the year).
 */
@Component
public class UnknownYears {

    private final MeterRegistry registry;

    public UnknownYears(MeterRegistry registry) {
        this.registry = registry;
        Counter.builder("huifang.calendar.unknown.year").description("Computations that reached a year the calendar does not know")
                .tag("year", "none").register(registry);
    }

    public void count(UnknownCalendarYearException e) {
        Counter.builder("huifang.calendar.unknown.year")
                .description("Computations that reached a year the calendar does not know")
                .tag("year", Integer.toString(e.year())).register(registry).increment();
    }

    /** Maps an unknown year to a counted 422 problem. */
    public <T> Mono<T> report(Mono<T> computation) {
        return computation.onErrorMap(UnknownCalendarYearException.class, e -> {
            count(e);
            return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "calendar-unknown-year",
                    "schedule.calendar.unknown-year", new Object[] {e.year()}, List.of(), Map.of("year", e.year()));
        });
    }

    /** Counts and rethrows (event handlers). */
    public <T> Mono<T> count(Mono<T> computation) {
        return computation.doOnError(UnknownCalendarYearException.class, this::count);
    }
}
