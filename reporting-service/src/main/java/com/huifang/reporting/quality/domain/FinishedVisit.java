package com.huifang.reporting.quality.domain;

import java.util.Objects;

/** A visit that ended successfully (the customer was reached), by the agent who ended it. */
public record FinishedVisit(String visitId, String agentId) {

    public FinishedVisit {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(agentId, "agentId");
    }
}
