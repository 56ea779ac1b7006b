package com.huifang.survey.response.domain;

import java.util.Objects;

/**
 * An agent's mark on a response for a special case that needs someone's attention, e.g. a worrying symptom after
 * surgery that the attending doctor must hear about (seed 000, hospital: "术后的不适需要医生来回访解决的问题,一定要及时向主治医院反馈").
 */
public record AgentFlag(String note) {
    public AgentFlag {
        Objects.requireNonNull(note, "a flag needs a note saying why");
    }
}
