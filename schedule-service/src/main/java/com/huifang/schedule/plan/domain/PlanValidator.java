package com.huifang.schedule.plan.domain;

import com.huifang.schedule.sampling.domain.SamplingTier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a plan before it is saved and reports every error, each with the JSON-pointer path of the
 * offending value in the plan document (the JSON names of the records' components).
 */
public final class PlanValidator {

    public List<PlanError> validate(Plan plan) {
        List<PlanError> errors = new ArrayList<>();
        if (blank(plan.id())) {
            errors.add(new PlanError("/id", "is required"));
        }
        if (plan.version() < 1) {
            errors.add(new PlanError("/version", "must be ≥ 1"));
        }
        if (blank(plan.surveyTemplateId())) {
            errors.add(new PlanError("/surveyTemplateId", "is required"));
        }
        if (plan.triggers() == null || plan.triggers().eventTypes().isEmpty()) {
            errors.add(new PlanError("/triggers/eventTypes", "needs at least one event type"));
        }
        validateStages(plan, errors);
        validateLadder(plan.ladder(), errors);
        validatePriority(plan.priority(), errors);
        if (plan.sampling() != null) {
            validateSampling(plan, errors);
        }
        if (plan.assignment() == null || plan.assignment().kind() == null) {
            errors.add(new PlanError("/assignment/kind", "is required"));
        } else if (plan.assignment().callbackReleaseMinutes() < 0) {
            errors.add(new PlanError("/assignment/callbackReleaseMinutes", "must be ≥ 0"));
        }
        if (plan.targets() != null) {
            percent(plan.targets().coveragePercent(), "/targets/coveragePercent", errors);
            percent(plan.targets().successRatePercent(), "/targets/successRatePercent", errors);
        }
        if (plan.replan() != null) {
            for (int i = 0; i < plan.replan().stages().size(); i++) {
                if (plan.stage(plan.replan().stages().get(i)).isEmpty()) {
                    errors.add(new PlanError("/replan/stages/" + i, "no stage '" + plan.replan().stages().get(i) + "'"));
                }
            }
            if (plan.replan().eventTypes().isEmpty()) {
                errors.add(new PlanError("/replan/eventTypes", "needs at least one event type"));
            }
        }
        return errors;
    }

    /** Throws {@link InvalidPlanException} listing every error, or returns the plan. */
    public Plan requireValid(Plan plan) {
        List<PlanError> errors = validate(plan);
        if (!errors.isEmpty()) {
            throw new InvalidPlanException(errors);
        }
        return plan;
    }

    private void validateStages(Plan plan, List<PlanError> errors) {
        if (plan.stages().isEmpty()) {
            errors.add(new PlanError("/stages", "needs at least one stage"));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plan.stages().size(); i++) {
            Stage s = plan.stages().get(i);
            String p = "/stages/" + i;
            if (blank(s.id())) {
                errors.add(new PlanError(p + "/id", "is required"));
            } else if (!ids.add(s.id())) {
                errors.add(new PlanError(p + "/id", "duplicate stage id '" + s.id() + "'"));
            }
            for (int e = 0; e < s.eventTypes().size(); e++) {
                if (plan.triggers() != null && !plan.triggers().eventTypes().contains(s.eventTypes().get(e))) {
                    errors.add(new PlanError(p + "/eventTypes/" + e, "'" + s.eventTypes().get(e) + "' is not a trigger of the plan"));
                }
            }
            if (s.timing() == null || s.timing().due() == null) {
                errors.add(new PlanError(p + "/timing/due", "is required"));
            } else {
                validateOffset(s.timing().due(), p + "/timing/due", errors);
                if (s.timing().earliest() != null) {
                    validateOffset(s.timing().earliest(), p + "/timing/earliest", errors);
                    if (certainlyBefore(s.timing().due(), s.timing().earliest())) {
                        errors.add(new PlanError(p + "/timing/due/amount", "due before earliest: impossible timing"));
                    }
                }
                if (s.deadline() != null) {
                    if (s.deadline().offset() == null) {
                        errors.add(new PlanError(p + "/deadline/offset", "is required"));
                    } else {
                        validateOffset(s.deadline().offset(), p + "/deadline/offset", errors);
                        Offset earliest = s.timing().earliest() != null ? s.timing().earliest() : s.timing().due();
                        if (certainlyBefore(s.deadline().offset(), earliest)) {
                            errors.add(new PlanError(p + "/deadline/offset/amount",
                                    "deadline " + s.deadline().offset().describe() + " is before earliest "
                                            + earliest.describe() + ": impossible timing"));
                        }
                    }
                }
            }
            if (s.priority() != null && (s.priority() < Priority.HIGHEST || s.priority() > Priority.LOWEST)) {
                errors.add(new PlanError(p + "/priority", "must be 1 to 3"));
            }
            if (s.recurrence() != null) {
                Recurrence r = s.recurrence();
                if (r.kind() == null) {
                    errors.add(new PlanError(p + "/recurrence/kind", "is required"));
                }
                if (r.interval() < 1) {
                    errors.add(new PlanError(p + "/recurrence/interval", "must be ≥ 1"));
                }
                if (r.maxOccurrences() != null && r.maxOccurrences() < 1) {
                    errors.add(new PlanError(p + "/recurrence/maxOccurrences", "must be ≥ 1"));
                }
                if (r.kind() == RecurrenceKind.EVERY_N_WEEKS && r.stopWhenCategoryIn().isEmpty() && r.maxOccurrences() == null) {
                    errors.add(new PlanError(p + "/recurrence/stopWhenCategoryIn", "a weekly recurrence needs a stop condition"));
                }
            }
        }
    }

    private void validateOffset(Offset o, String p, List<PlanError> errors) {
        if (o.unit() == null) {
            errors.add(new PlanError(p + "/unit", "is required (CALENDAR_DAYS, WORKING_DAYS or HOURS)"));
        }
        Anchor a = o.anchor();
        if (a.kind() == null) {
            errors.add(new PlanError(p + "/anchor/kind", "is required"));
        } else if ((a.kind() == AnchorKind.ATTRIBUTE || a.kind() == AnchorKind.MIDPOINT) && blank(a.attribute())) {
            errors.add(new PlanError(p + "/anchor/attribute", "is required for " + a.kind()));
        }
        if (Math.abs((long) o.amount()) > 3660) {
            errors.add(new PlanError(p + "/amount", "out of range (|amount| ≤ 3660)"));
        }
    }

    /**
     * True when {@code a} falls before {@code b} whatever the calendar: only then is a plan rejected;
     * working days are at least as long as calendar days, so bounds are compared in hours.
     */
    static boolean certainlyBefore(Offset a, Offset b) {
        if (a.unit() == null || b.unit() == null || !sameAnchor(a.anchor(), b.anchor())) {
            return false;
        }
        Long upperA = upperHours(a);
        Long lowerB = lowerHours(b);
        return upperA != null && lowerB != null && upperA < lowerB;
    }

    private static boolean sameAnchor(Anchor a, Anchor b) {
        return a.equals(b);
    }

    private static Long upperHours(Offset o) {
        return switch (o.unit()) {
            case HOURS -> (long) o.amount();
            case CALENDAR_DAYS -> 24L * o.amount();
            case WORKING_DAYS -> o.amount() <= 0 ? 24L * o.amount() : null;
        };
    }

    private static Long lowerHours(Offset o) {
        return switch (o.unit()) {
            case HOURS -> (long) o.amount();
            case CALENDAR_DAYS -> 24L * o.amount();
            case WORKING_DAYS -> o.amount() >= 0 ? 24L * o.amount() : null;
        };
    }

    private void validateLadder(List<Rung> ladder, List<PlanError> errors) {
        if (ladder.isEmpty()) {
            errors.add(new PlanError("/ladder", "needs at least one rung"));
        }
        for (int i = 0; i < ladder.size(); i++) {
            Rung r = ladder.get(i);
            String p = "/ladder/" + i;
            if (r.channel() == null) {
                errors.add(new PlanError(p + "/channel", "is required"));
            }
            if (r.attempts() < 1) {
                errors.add(new PlanError(p + "/attempts", "must be ≥ 1"));
            }
            if (r.spacing() == null) {
                errors.add(new PlanError(p + "/spacing", "is required"));
            }
            if (r.channel() != null && r.channel().isPhone() && r.minRingSeconds() < Rung.MIN_RING_SECONDS) {
                errors.add(new PlanError(p + "/minRingSeconds", "a phone rung rings at least " + Rung.MIN_RING_SECONDS + " s"));
            }
        }
    }

    private void validatePriority(Priority priority, List<PlanError> errors) {
        if (priority == null) {
            errors.add(new PlanError("/priority", "is required"));
            return;
        }
        if (priority.level() < Priority.HIGHEST || priority.level() > Priority.LOWEST) {
            errors.add(new PlanError("/priority/level", "must be 1 to 3"));
        }
        for (int i = 0; i < priority.rules().size(); i++) {
            PriorityRule r = priority.rules().get(i);
            String p = "/priority/rules/" + i;
            if (r.level() < Priority.HIGHEST || r.level() > Priority.LOWEST) {
                errors.add(new PlanError(p + "/level", "must be 1 to 3"));
            }
            if (blank(r.eventType()) && blank(r.attribute())) {
                errors.add(new PlanError(p, "needs an eventType or an attribute"));
            }
            if (!blank(r.attribute()) && r.atLeast() == null) {
                errors.add(new PlanError(p + "/atLeast", "is required with an attribute"));
            }
        }
    }

    private void validateSampling(Plan plan, List<PlanError> errors) {
        List<SamplingTier> tiers = plan.sampling().tiers();
        if (plan.sampling().period() == null) {
            errors.add(new PlanError("/sampling/period", "is required"));
        }
        if (tiers.isEmpty()) {
            errors.add(new PlanError("/sampling/tiers", "needs at least one tier"));
            return;
        }
        int expectedMin = 0;
        for (int i = 0; i < tiers.size(); i++) {
            SamplingTier t = tiers.get(i);
            String p = "/sampling/tiers/" + i;
            if (t.percent() < 1 || t.percent() > 100) {
                errors.add(new PlanError(p + "/percent", "must be 1 to 100"));
            }
            if (t.minHouseholds() != expectedMin) {
                errors.add(new PlanError(p + "/minHouseholds", "tiers must be contiguous from 0: expected " + expectedMin));
            }
            if (t.maxHouseholds() == null) {
                if (i != tiers.size() - 1) {
                    errors.add(new PlanError(p + "/maxHouseholds", "only the last tier is open-ended"));
                }
                expectedMin = Integer.MAX_VALUE;
            } else {
                if (t.maxHouseholds() < t.minHouseholds()) {
                    errors.add(new PlanError(p + "/maxHouseholds", "is below minHouseholds"));
                }
                expectedMin = t.maxHouseholds() + 1;
            }
        }
        if (tiers.get(tiers.size() - 1).maxHouseholds() != null) {
            errors.add(new PlanError("/sampling/tiers/" + (tiers.size() - 1) + "/maxHouseholds", "the last tier must be open-ended"));
        }
    }

    private static void percent(java.math.BigDecimal v, String path, List<PlanError> errors) {
        if (v != null && (v.signum() < 0 || v.compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            errors.add(new PlanError(path, "must be 0 to 100"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
