package com.huifang.feedback.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When an issue's clocks call for a warning or an escalation. Pure: given the issue and {@code now} it
 * returns what is due and not yet done, so a scheduled sweeper may call it as often as it likes — once an
 * alert is applied to the issue ({@code Issue.apply}) it is never due again.
 *
 * <p>A running clock that has used {@code warnAt} of its budget gets one warning (skipped if the first
 * sweep finds it already breached). Each level is reached once, in order, when a running clock has used
 * more than that level's share of its budget: by default supervisor past 100 % (the breach), department head
 * past 150 %, leadership past 200 %. Levels already reached — a major issue starts at leadership — are
 * never due again; a sweep that comes late returns every level passed, lowest first.
 */
public final class EscalationPolicy {

    private final SlaClock clock;
    private final double warnAt;
    private final Map<EscalationLevel, Double> levelAt;

    /**
     * @param levelAt share of the budget past which each level is due; SUPERVISOR, DEPARTMENT_HEAD and
     *                LEADERSHIP, increasing, the first at least 1.0
     */
    public EscalationPolicy(SlaClock clock, double warnAt, Map<EscalationLevel, Double> levelAt) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalArgumentException("the warning threshold must be between 0 and 1: " + warnAt);
        }
        this.warnAt = warnAt;
        var levels = List.of(EscalationLevel.SUPERVISOR, EscalationLevel.DEPARTMENT_HEAD, EscalationLevel.LEADERSHIP);
        double previous = 0;
        for (var level : levels) {
            var share = levelAt.get(level);
            if (share == null || share <= previous || share < 1.0) {
                throw new IllegalArgumentException("escalation shares must be given for " + levels
                        + ", at least 1.0 and increasing: " + levelAt);
            }
            previous = share;
        }
        this.levelAt = new EnumMap<>(levelAt);
    }

    /** Warning at 80 %; supervisor at breach, department head past 150 %, leadership past 200 % of the budget. */
    public static EscalationPolicy standard(SlaClock clock) {
        return new EscalationPolicy(clock, 0.8, Map.of(
                EscalationLevel.SUPERVISOR, 1.0,
                EscalationLevel.DEPARTMENT_HEAD, 1.5,
                EscalationLevel.LEADERSHIP, 2.0));
    }

    public SlaClock clock() {
        return clock;
    }

    /** Both clocks of the issue read at {@code now} (for "overdue" and "about to breach" queries). */
    public List<SlaReading> readings(SlaSubject issue, Instant now) {
        return issue.slaTimers().stream().map(t -> clock.read(t, now, warnAt)).toList();
    }

    /** The warnings and escalation steps due at {@code now} and not yet applied, in the order to apply them. */
    public List<SlaAlert> due(SlaSubject issue, Instant now) {
        var alerts = new ArrayList<SlaAlert>();
        var running = issue.slaTimers().stream().filter(t -> !t.stopped()).toList();
        var elapsed = new EnumMap<SlaKind, Duration>(SlaKind.class);
        running.forEach(t -> elapsed.put(t.kind(), clock.elapsed(t, now)));
        for (var t : running) {
            var used = elapsed.get(t.kind());
            boolean warned = issue.warnedClocks().contains(t.kind());
            if (!warned && !exceeds(used, t.budget(), 1.0) && reaches(used, t.budget(), warnAt)) {
                alerts.add(new SlaAlert.Warning(t.kind(), clock.due(t, now)));
            }
        }
        for (var entry : levelAt.entrySet()) {
            var level = entry.getKey();
            if (!level.isAbove(issue.escalationLevel())) {
                continue;
            }
            running.stream()
                    .filter(t -> exceeds(elapsed.get(t.kind()), t.budget(), entry.getValue()))
                    .findFirst()
                    .ifPresent(t -> alerts.add(new SlaAlert.Escalation(level, t.kind(),
                            t.kind() + " SLA of " + t.budget() + " business time exceeded by "
                                    + elapsed.get(t.kind()).minus(t.budget()))));
        }
        return List.copyOf(alerts);
    }

    /**
     * The earliest instant from {@code now} on at which {@link #due} will return something, if nothing else
     * happens to the issue: {@code now} itself when something is due already; empty when nothing ever will
     * (clocks stopped or paused, top level reached). The store keeps it with the issue, recomputed at every
     * save, so a sweeper finds the issues to look at with one indexed query ({@code nextAlertAt <= now})
     * instead of reading every open issue.
     */
    public Optional<Instant> nextAlertAt(SlaSubject issue, Instant now) {
        if (!due(issue, now).isEmpty()) {
            return Optional.of(now);
        }
        Instant next = null;
        for (var t : issue.slaTimers()) {
            if (t.stopped() || t.paused()) {
                continue;
            }
            var shares = new ArrayList<Duration>();
            if (!issue.warnedClocks().contains(t.kind())) {
                shares.add(share(t.budget(), warnAt, false));
            }
            levelAt.forEach((level, share) -> {
                if (level.isAbove(issue.escalationLevel())) {
                    shares.add(share(t.budget(), share, true));
                }
            });
            for (var amount : shares) {
                var at = clock.whenElapsed(t, amount, now).orElseThrow();
                if (at.isAfter(now) && (next == null || at.isBefore(next))) {
                    next = at;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /** The business time at which a share of the budget is reached, or (strictly) exceeded by a nanosecond. */
    private static Duration share(Duration budget, double share, boolean strictly) {
        long nanos = (long) Math.ceil(share * budget.toNanos());
        return Duration.ofNanos(strictly ? nanos + 1 : nanos);
    }

    private static boolean reaches(Duration used, Duration budget, double share) {
        return used.toNanos() >= share * budget.toNanos();
    }

    private static boolean exceeds(Duration used, Duration budget, double share) {
        return used.toNanos() > share * budget.toNanos();
    }
}
