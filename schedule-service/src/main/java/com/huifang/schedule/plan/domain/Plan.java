package com.huifang.schedule.plan.domain;

import com.huifang.schedule.sampling.domain.SamplingPlan;
import java.util.List;
import java.util.Optional;

/**
 * A follow-up rule (回访方案) of one tenant, versioned: a new version is a new record; visits keep
 * the version they were planned with.
 *
 * @param id               plan id, stable across versions
 * @param version          1, 2, …
 * @param tenantId         owning tenant
 * @param name             display name
 * @param triggers         event types and customer categories that start it
 * @param stages           the visits it plans (at least one)
 * @param ladder           the channel ladder, top rung first
 * @param priority         priority level and rules
 * @param sampling         sampling of a period's population; null means every case is visited
 * @param surveyTemplateId the survey (script) used
 * @param assignment       assignment policy
 * @param targets          coverage and success-rate targets
 * @param replan           events that re-plan stages of a case; null if none
 */
public record Plan(
        String id,
        int version,
        String tenantId,
        String name,
        Triggers triggers,
        List<Stage> stages,
        List<Rung> ladder,
        Priority priority,
        SamplingPlan sampling,
        String surveyTemplateId,
        AssignmentPolicy assignment,
        Targets targets,
        Replan replan) {

    public Plan {
        stages = stages == null ? List.of() : List.copyOf(stages);
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public Plan withTenant(String tenant) {
        return new Plan(id, version, tenant, name, triggers, stages, ladder, priority, sampling,
                surveyTemplateId, assignment, targets, replan);
    }
}
