package com.huifang.schedule.visit.domain;

import java.util.EnumSet;
import java.util.Set;

/** Life of a visit: PLANNED → DUE → IN_PROGRESS → COMPLETED / FAILED / CANCELLED / REFUSED. */
public enum VisitState {
    PLANNED,
    DUE,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    CANCELLED,
    REFUSED;

    /**
     * The states this one may move to. A planned visit may be worked from its earliest time, before
     * it falls due ("5–10 days before the expert's visit"), hence PLANNED → IN_PROGRESS.
     */
    public Set<VisitState> allowedNext() {
        return switch (this) {
            case PLANNED -> EnumSet.of(DUE, IN_PROGRESS, CANCELLED, REFUSED);
            case DUE -> EnumSet.of(IN_PROGRESS, CANCELLED, REFUSED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, FAILED, CANCELLED, REFUSED);
            case COMPLETED, FAILED, CANCELLED, REFUSED -> EnumSet.noneOf(VisitState.class);
        };
    }

    public boolean isOpen() {
        return this == PLANNED || this == DUE || this == IN_PROGRESS;
    }
}
