package com.huifang.feedback.sla.domain;

import java.util.Objects;

/**
 * The targets of one category.
 *
 * @param fixDateRequired resolving must name a fix date no later than the next working day after the issue
 *                        was raised (seed 002 §3.1.6: technical and quality questions, "要求不能超过第二天")
 */
public record SlaTargets(SlaSpan firstResponse, SlaSpan resolution, boolean fixDateRequired) {

    public SlaTargets {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
    }
}
