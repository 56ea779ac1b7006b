package com.huifang.feedback.sla.domain;

import com.huifang.calendar.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLA clock of one issue, as data: when it started, how much business time it allows, the
 * intervals it was paused and whether it is stopped. What that means in instants needs the tenant's
 * calendar: see {@link SlaClock}.
 *
 * @param budget      business time allowed, fixed when the issue is raised (a later policy change does not move it)
 * @param pauses      closed pauses, in the order they happened
 * @param pausedSince start of the pause in progress, if any
 * @param stoppedAt   when the clock stopped (first response given, issue resolved)
 */
public record SlaTimer(
        SlaKind kind,
        Instant startedAt,
        Duration budget,
        List<Pause> pauses,
        Optional<Instant> pausedSince,
        Optional<Instant> stoppedAt) {

    public SlaTimer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(budget, "budget");
        pauses = List.copyOf(pauses);
        Objects.requireNonNull(pausedSince, "pausedSince");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }

    public static SlaTimer start(SlaKind kind, Instant at, Duration budget) {
        return new SlaTimer(kind, at, budget, List.of(), Optional.empty(), Optional.empty());
    }

    public boolean running() {
        return stoppedAt.isEmpty() && pausedSince.isEmpty();
    }

    public boolean stopped() {
        return stoppedAt.isPresent();
    }

    public boolean paused() {
        return pausedSince.isPresent();
    }

    /** Pauses a running clock; a stopped or already paused clock is left as it is. */
    public SlaTimer pause(Instant at) {
        if (!running()) {
            return this;
        }
        return new SlaTimer(kind, startedAt, budget, pauses, Optional.of(at), stoppedAt);
    }

    /** Ends the pause in progress, if any. */
    public SlaTimer resume(Instant at) {
        if (pausedSince.isEmpty()) {
            return this;
        }
        var from = pausedSince.get();
        // an instant before the pause began (clock skew between instances) ends it where it began
        return new SlaTimer(kind, startedAt, budget, with(new Pause(from, at.isBefore(from) ? from : at)), Optional.empty(), stoppedAt);
    }

    /** Stops the clock (a pause in progress ends at the same instant). */
    public SlaTimer stop(Instant at) {
        if (stopped()) {
            return this;
        }
        var resumed = resume(at);
        return new SlaTimer(kind, startedAt, budget, resumed.pauses, Optional.empty(), Optional.of(at));
    }

    /**
     * Runs a stopped clock again (the issue was reopened): the time it stood stopped is not held
     * against the handler, so it becomes a pause.
     */
    public SlaTimer restart(Instant at) {
        if (stoppedAt.isEmpty()) {
            return this;
        }
        var from = stoppedAt.get();
        return new SlaTimer(kind, startedAt, budget, with(new Pause(from, at.isBefore(from) ? from : at)), Optional.empty(), Optional.empty());
    }

    /** All pauses up to {@code now}, the one in progress included. */
    public List<Pause> pausesUntil(Instant now) {
        if (pausedSince.isEmpty()) {
            return pauses;
        }
        var from = pausedSince.get();
        return with(new Pause(from, now.isBefore(from) ? from : now));
    }

    private List<Pause> with(Pause interval) {
        var all = new ArrayList<>(pauses);
        all.add(interval);
        return List.copyOf(all);
    }
}
