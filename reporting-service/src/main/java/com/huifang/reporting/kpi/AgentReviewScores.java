package com.huifang.reporting.kpi;

import java.time.LocalDate;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Quality-review results per agent for the agent performance report (issue 10 §3: "scores flow into
 * reporting's agent performance"). Implemented by the quality package; kpi does not depend on it.
 */
public interface AgentReviewScores {

    /**
     * @param meanScore mean review score in percent of the checklist's full score, null without reviews
     */
    record Summary(int reviews, int passed, int failed, Double meanScore) {
    }

    /** Agent id → summary of the reviews of visits reported between the dates (tenant-local, inclusive). */
    Mono<Map<String, Summary>> between(String tenantId, LocalDate from, LocalDate to);
}
