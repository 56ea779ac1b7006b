package com.huifang.schedule.visit.domain;

import com.huifang.calendar.DailyWindows;
import com.huifang.calendar.WorkingCalendar;
import com.huifang.schedule.plan.domain.TenantCalendar;
import com.huifang.schedule.plan.domain.Anchor;
import com.huifang.schedule.plan.domain.CallingTimes;
import com.huifang.schedule.plan.domain.Channel;
import com.huifang.schedule.plan.domain.Deadline;
import com.huifang.schedule.plan.domain.Offset;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.plan.domain.PriorityRule;
import com.huifang.schedule.plan.domain.Recurrence;
import com.huifang.schedule.plan.domain.RecurrenceKind;
import com.huifang.schedule.plan.domain.Rung;
import com.huifang.schedule.plan.domain.Stage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule engine: turns (plan, service event, customer preferences, calendar, now) into planned
 * visits with earliest, due and deadline times, channel ladder, priority, an at-risk flag and an
 * explanation of every step. Pure: no clock, no I/O; a year the calendar does not know propagates
 * the calendar's {@code UnknownCalendarYearException}.
 */
public final class VisitPlanner {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public PlanningResult plan(Plan plan, ServiceEvent event, CustomerPreferences prefs, TenantCalendar tenantCalendar, Instant now) {
        return plan(plan, event, prefs, tenantCalendar, now, PlanningOptions.NONE);
    }

    public PlanningResult plan(Plan plan, ServiceEvent event, CustomerPreferences prefs, TenantCalendar tenantCalendar,
                               Instant now, PlanningOptions options) {
        prefs = prefs == null ? CustomerPreferences.NONE : prefs;
        List<String> explain = new ArrayList<>();
        boolean triggered = plan.triggers().matches(event.type(), event.category());
        boolean replanning = !triggered && plan.replan() != null && plan.replan().eventTypes().contains(event.type());
        if (!triggered && !replanning) {
            explain.add("plan " + plan.id() + " v" + plan.version() + " is not triggered by " + event.type()
                    + " for category " + event.category());
            return new PlanningResult(PlanningOutcome.NOT_TRIGGERED, List.of(), List.of(), explain);
        }
        if (plan.sampling() != null && !options.sampled()) {
            explain.add("plan samples households per " + plan.sampling().period().name().toLowerCase()
                    + ": the event joins the period's population");
            return new PlanningResult(PlanningOutcome.AWAITING_SAMPLING, List.of(), List.of(), explain);
        }
        List<Stage> stages = new ArrayList<>();
        for (Stage s : plan.stages()) {
            if (replanning ? plan.replan().stages().contains(s.id()) : s.answers(event.type())) {
                stages.add(s);
            }
        }
        explain.add(replanning
                ? event.type() + " re-plans stages " + plan.replan().stages() + " of case " + event.caseRef()
                : event.type() + " triggers plan " + plan.id() + " v" + plan.version());

        List<Rung> ladder = plan.ladder();
        if (options.forcedChannel() != null) {
            ladder = forced(ladder, options.forcedChannel());
            explain.add("sample forces channel " + options.forcedChannel());
        }
        List<Rung> consented = prefs.consent().ladder(ladder);
        boolean refused = consented.isEmpty();
        if (prefs.consent().doNotContact()) {
            explain.add("customer refuses all contact: no visit is made, it counts as refused");
        } else if (refused) {
            explain.add("customer refuses every channel of the ladder " + channels(ladder) + ": counts as refused");
        } else if (!consented.equals(ladder)) {
            explain.add("consent: opted out of " + prefs.consent().optedOutChannels() + " → ladder " + channels(consented));
        }
        if (!refused && options.forcedChannel() == null) {
            consented = prefs.shape(consented, explain);
        }

        List<PlannedVisit> visits = new ArrayList<>();
        boolean callbackUsed = false;
        for (Stage s : stages) {
            int occurrence = s.recurrence() == null ? 0 : 1;
            Optional<PlannedVisit> v = planStage(plan, s, occurrence, event, prefs, tenantCalendar, now, consented, !callbackUsed, explain);
            if (v.isPresent()) {
                callbackUsed |= v.get().explanation().stream().anyMatch(l -> l.startsWith("customer asked"));
                visits.add(v.get());
            }
        }
        List<String> superseded = replanning ? plan.replan().stages() : List.of();
        return new PlanningResult(refused ? PlanningOutcome.REFUSED : PlanningOutcome.PLANNED, visits, superseded, explain);
    }

    /**
     * The next repeat of a recurring stage (occurrence 1, 2, … counted from the stage's anchor), or
     * empty when the recurrence stops: the customer's category is now a stop category, or the
     * maximum number of repeats is reached.
     */
    public Optional<PlannedVisit> planOccurrence(Plan plan, String stageId, int occurrence, ServiceEvent event,
                                                 String currentCategory, CustomerPreferences prefs,
                                                 TenantCalendar tenantCalendar, Instant now) {
        Stage stage = plan.stage(stageId).orElseThrow(() -> new IllegalArgumentException("no stage " + stageId + " in plan " + plan.id()));
        Recurrence r = stage.recurrence();
        if (r == null) {
            throw new IllegalArgumentException("stage " + stageId + " of plan " + plan.id() + " does not recur");
        }
        if (currentCategory != null && r.stopWhenCategoryIn().contains(currentCategory)) {
            return Optional.empty();
        }
        if (r.maxOccurrences() != null && occurrence > r.maxOccurrences()) {
            return Optional.empty();
        }
        prefs = prefs == null ? CustomerPreferences.NONE : prefs;
        List<Rung> consented = prefs.consent().ladder(plan.ladder());
        if (consented.isEmpty()) {
            return Optional.empty();
        }
        consented = prefs.shape(consented, new ArrayList<>());
        return planStage(plan, stage, occurrence, event, prefs, tenantCalendar, now, consented, false, new ArrayList<>());
    }

    /**
     * One stage's visit (a repeat too) planned again, for a visit nobody has started, with the
     * customer's changed preferences: the same anchor, offsets and deadline rule as at first planning,
     * the new preferred hours, preferred channel and reachable channels. Empty when the stage is gone
     * from the plan, the event lacks the stage's anchor, or consent leaves no channel (consent
     * changes are applied to open visits on their own).
     *
     * @param explain receives the event-level steps (consent, channel shaping, a missing anchor)
     */
    public Optional<PlannedVisit> replanStage(Plan plan, String stageId, int occurrence, ServiceEvent event,
                                              CustomerPreferences prefs, TenantCalendar tenantCalendar, Instant now,
                                              List<String> explain) {
        Optional<Stage> stage = plan.stage(stageId);
        if (stage.isEmpty()) {
            explain.add("stage " + stageId + " is no longer in plan " + plan.id() + " v" + plan.version());
            return Optional.empty();
        }
        prefs = prefs == null ? CustomerPreferences.NONE : prefs;
        List<Rung> consented = prefs.consent().ladder(plan.ladder());
        if (consented.isEmpty()) {
            explain.add("customer refuses every channel of the ladder " + channels(plan.ladder()));
            return Optional.empty();
        }
        consented = prefs.shape(consented, explain);
        return planStage(plan, stage.get(), occurrence, event, prefs, tenantCalendar, now, consented, false, explain);
    }

    /** A follow-up the agent books from an outcome: same plan, case, ladder, windows and priority. */
    public PlannedVisit planFollowUp(Visit source, FollowUpRequest request, TenantCalendar tenantCalendar, Instant now) {
        WorkingCalendar calendar = tenantCalendar.workingDays();
        List<String> explain = new ArrayList<>();
        CallingTimes times = new CallingTimes(calendar, source.windows(), source.allowNonWorkingDays());
        ZoneId zone = calendar.zone();
        Instant from = later(request.notBefore(), now);
        explain.add("follow-up booked from visit " + source.id() + (request.note() == null ? "" : " (" + request.note() + ")")
                + " from " + fmt(from, zone));
        Instant due = times.firstSlotOnOrAfter(from, explain::add);
        Instant deadline = null;
        if (request.deadlineWorkingDays() != null) {
            LocalDate d = shiftWorkingDays(calendar, LocalDateTime.ofInstant(due, zone).toLocalDate(), request.deadlineWorkingDays());
            deadline = endOfDay(d, zone);
            explain.add("deadline +" + request.deadlineWorkingDays() + " working days → " + SECOND.format(LocalDateTime.ofInstant(deadline, zone)));
        }
        return new PlannedVisit(source.planId(), source.planVersion(), "follow-up", 0, source.serviceEventId(),
                source.caseRef(), source.customerId(), due, due, deadline, source.ladder(), source.windows(),
                source.allowNonWorkingDays(), source.priority(), source.surveyTemplateId(), deadline != null && due.isAfter(deadline),
                source.staffIds(), explain);
    }

    /**
     * The re-contact visit confirming a resolved issue: due at the first calling slot of the next
     * working day after the resolution, deadline {@code deadlineWorkingDays} working days after it.
     * Empty when the customer refuses all contact (the issue then closes without confirmation).
     */
    public Optional<PlannedVisit> planRecontact(IssueResolution issue, RecontactPolicy policy, CustomerPreferences prefs,
                                                TenantCalendar tenantCalendar, Instant now) {
        prefs = prefs == null ? CustomerPreferences.NONE : prefs;
        List<Rung> ladder = prefs.consent().ladder(policy.ladder());
        if (ladder.isEmpty()) {
            return Optional.empty();
        }
        WorkingCalendar calendar = tenantCalendar.workingDays();
        ZoneId zone = calendar.zone();
        List<String> explain = new ArrayList<>();
        DailyWindows windows = effectiveWindows(prefs, policy.windows(), tenantCalendar, explain);
        CallingTimes times = new CallingTimes(calendar, windows, false);
        LocalDate resolvedDay = LocalDateTime.ofInstant(issue.resolvedAt(), zone).toLocalDate();
        LocalDate nextDay = calendar.nextWorkingDayOnOrAfter(resolvedDay.plusDays(1));
        explain.add("issue " + issue.issueId() + " resolved " + fmt(issue.resolvedAt(), zone) + " → next working day "
                + nextDay);
        Instant from = later(ZonedDateTime.of(nextDay, LocalTime.MIDNIGHT, zone).toInstant(), now);
        Instant due = times.firstSlotOnOrAfter(from, explain::add);
        Instant deadline = endOfDay(shiftWorkingDays(calendar, resolvedDay, policy.deadlineWorkingDays()), zone);
        explain.add("deadline +" + policy.deadlineWorkingDays() + " working days → " + SECOND.format(LocalDateTime.ofInstant(deadline, zone)));
        boolean atRisk = due.isAfter(deadline);
        if (atRisk) {
            explain.add("due after the deadline: at risk");
        }
        return Optional.of(new PlannedVisit(null, 0, "recontact", 0, issue.issueId(), issue.issueId(), issue.customerId(),
                due, due, deadline, ladder, windows, false, policy.priority(), policy.surveyTemplateId(), atRisk,
                List.of(), explain));
    }

    private Optional<PlannedVisit> planStage(Plan plan, Stage stage, int occurrence, ServiceEvent event,
                                             CustomerPreferences prefs, TenantCalendar tenantCalendar, Instant now,
                                             List<Rung> ladder, boolean callbackAvailable, List<String> eventExplain) {
        WorkingCalendar calendar = tenantCalendar.workingDays();
        ZoneId zone = calendar.zone();
        List<String> explain = new ArrayList<>();
        String label = "stage " + stage.id() + (occurrence > 0 ? " #" + occurrence : "");

        Instant dueBase = anchor(stage.timing().due().anchor(), event, zone);
        if (dueBase == null) {
            eventExplain.add(label + " not planned: " + missing(stage.timing().due().anchor()));
            return Optional.empty();
        }
        dueBase = recur(dueBase, stage.recurrence(), occurrence, zone);
        Instant dueRaw = apply(dueBase, stage.timing().due(), calendar, zone);
        explain.add(describeAnchor(stage.timing().due().anchor(), event) + " " + fmt(dueBase, zone)
                + recurrenceNote(stage.recurrence(), occurrence)
                + " → " + stage.timing().due().describe() + " = " + fmt(dueRaw, zone));

        Instant earliestRaw = dueRaw;
        if (stage.timing().earliest() != null) {
            Instant eb = anchor(stage.timing().earliest().anchor(), event, zone);
            if (eb != null) {
                eb = recur(eb, stage.recurrence(), occurrence, zone);
                earliestRaw = apply(eb, stage.timing().earliest(), calendar, zone);
                explain.add("earliest " + stage.timing().earliest().describe() + " = " + fmt(earliestRaw, zone));
            }
        }

        Instant deadline = null;
        Deadline dl = stage.deadline();
        if (dl != null) {
            Instant db = anchor(dl.offset().anchor(), event, zone);
            if (db == null) {
                explain.add("no deadline: " + missing(dl.offset().anchor()));
            } else {
                db = recur(db, stage.recurrence(), occurrence, zone);
                deadline = apply(db, dl.offset(), calendar, zone);
                if (dl.endOfDay()) {
                    deadline = endOfDay(LocalDateTime.ofInstant(deadline, zone).toLocalDate(), zone);
                }
                explain.add("deadline " + describeAnchor(dl.offset().anchor(), event) + " " + fmt(db, zone) + " "
                        + dl.offset().describe() + " = " + SECOND.format(LocalDateTime.ofInstant(deadline, zone)));
            }
        }

        DailyWindows windows = effectiveWindows(prefs, stage.windows(), tenantCalendar, explain);
        CallingTimes times = new CallingTimes(calendar, windows, stage.allowNonWorkingDays());

        Instant callback = prefs.requestedCallbackAt();
        Instant due;
        Instant earliest;
        if (callbackAvailable && callback != null && !callback.isBefore(now) && !callback.isBefore(earliestRaw)
                && (deadline == null || !callback.isAfter(deadline))) {
            due = callback;
            earliest = callback;
            explain.add("customer asked to be called back at " + fmt(callback, zone) + ": wins over the windows");
        } else {
            Instant start = dueRaw;
            if (now.isAfter(dueRaw)) {
                explain.add("due time already passed: planning from now " + fmt(now, zone));
                start = now;
            }
            due = times.firstSlotOnOrAfter(start, explain::add);
            earliest = earliestRaw.equals(dueRaw) ? due : min(times.firstSlotOnOrAfter(later(earliestRaw, now)), due);
        }
        explain.add("due " + fmt(due, zone) + (earliest.equals(due) ? "" : ", earliest " + fmt(earliest, zone)));

        boolean atRisk = deadline != null && due.isAfter(deadline);
        if (atRisk) {
            explain.add("cannot fit before the deadline: at risk");
        }
        int priority = priority(plan, stage, event);
        return Optional.of(new PlannedVisit(plan.id(), plan.version(), stage.id(), occurrence, event.id(), event.caseRef(),
                event.customerId(), earliest, due, deadline, ladder, windows, stage.allowNonWorkingDays(), priority,
                plan.surveyTemplateId(), atRisk, event.staffIds(), explain));
    }

    private static DailyWindows effectiveWindows(CustomerPreferences prefs, DailyWindows planWindows, TenantCalendar calendar,
                                                 List<String> explain) {
        if (prefs.preferredHours() != null) {
            explain.add("customer's preferred hours " + prefs.preferredHours() + " win over the plan's windows");
            return prefs.preferredHours();
        }
        if (planWindows != null) {
            return planWindows;
        }
        return calendar.callingWindows();
    }

    static int priority(Plan plan, Stage stage, ServiceEvent event) {
        if (stage.priority() != null) {
            return stage.priority();
        }
        int level = plan.priority().level();
        for (PriorityRule r : plan.priority().rules()) {
            if (matches(r, event)) {
                level = Math.min(level, r.level());
            }
        }
        return level;
    }

    private static boolean matches(PriorityRule r, ServiceEvent event) {
        if (r.eventType() != null && !r.eventType().equals(event.type())) {
            return false;
        }
        if (r.attribute() != null) {
            String v = event.attributes().get(r.attribute());
            try {
                return v != null && new BigDecimal(v.trim()).compareTo(r.atLeast()) >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static List<Rung> forced(List<Rung> ladder, Channel channel) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).channel() == channel) {
                return List.copyOf(ladder.subList(i, ladder.size()));
            }
        }
        return List.of(Rung.once(channel));
    }

    /** The anchor's instant, or null when the event lacks it. */
    static Instant anchor(Anchor a, ServiceEvent event, ZoneId zone) {
        return switch (a.kind()) {
            case OCCURRED_AT -> event.occurredAt();
            case SCHEDULED_AT -> event.scheduledAt();
            case ATTRIBUTE -> dateAttribute(event, a.attribute(), zone);
            case MIDPOINT -> {
                Instant start = a.startAttribute() == null ? event.occurredAt() : dateAttribute(event, a.startAttribute(), zone);
                Instant end = dateAttribute(event, a.attribute(), zone);
                yield start == null || end == null ? null : start.plus(Duration.between(start, end).dividedBy(2));
            }
        };
    }

    /** An attribute as an instant: ISO instant, local date-time, or date (start of the local day). */
    static Instant dateAttribute(ServiceEvent event, String name, ZoneId zone) {
        String v = event.attributes().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // not an instant: try local forms
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(t), zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String missing(Anchor a) {
        return switch (a.kind()) {
            case OCCURRED_AT -> "no event time";
            case SCHEDULED_AT -> "the event has no scheduled date";
            case ATTRIBUTE, MIDPOINT -> "the event has no date attribute " + a.attribute()
                    + (a.startAttribute() == null ? "" : " / " + a.startAttribute());
        };
    }

    private static String describeAnchor(Anchor a, ServiceEvent event) {
        return switch (a.kind()) {
            case OCCURRED_AT -> event.type();
            case SCHEDULED_AT -> "scheduled";
            case ATTRIBUTE -> a.attribute();
            case MIDPOINT -> "midway " + (a.startAttribute() == null ? event.type() : a.startAttribute()) + "→" + a.attribute();
        };
    }

    private static Instant recur(Instant base, Recurrence r, int occurrence, ZoneId zone) {
        if (r == null || occurrence == 0) {
            return base;
        }
        ZonedDateTime z = base.atZone(zone);
        long n = (long) occurrence * r.interval();
        return (r.kind() == RecurrenceKind.YEARLY ? z.plusYears(n) : z.plusWeeks(n)).toInstant();
    }

    private static String recurrenceNote(Recurrence r, int occurrence) {
        if (r == null || occurrence == 0) {
            return "";
        }
        return " + " + (long) occurrence * r.interval() + (r.kind() == RecurrenceKind.YEARLY ? " years" : " weeks")
                + " (repeat #" + occurrence + ")";
    }

    /** Applies an offset: hours are absolute; days keep the local time of day (DST-safe). */
    static Instant apply(Instant base, Offset o, WorkingCalendar calendar, ZoneId zone) {
        return switch (o.unit()) {
            case HOURS -> base.plus(Duration.ofHours(o.amount()));
            case CALENDAR_DAYS -> base.atZone(zone).plusDays(o.amount()).toInstant();
            case WORKING_DAYS -> {
                LocalDateTime l = LocalDateTime.ofInstant(base, zone);
                yield ZonedDateTime.of(shiftWorkingDays(calendar, l.toLocalDate(), o.amount()), l.toLocalTime(), zone).toInstant();
            }
        };
    }

    /** {@code +1} the first working day after {@code from}, {@code -1} the last one before it. */
    static LocalDate shiftWorkingDays(WorkingCalendar calendar, LocalDate from, int n) {
        return calendar.addWorkingDays(from, n);
    }

    static Instant endOfDay(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String fmt(Instant t, ZoneId zone) {
        return MINUTE.format(LocalDateTime.ofInstant(t, zone));
    }

    private static List<String> channels(List<Rung> ladder) {
        return ladder.stream().map(r -> r.channel().name()).toList();
    }
}
