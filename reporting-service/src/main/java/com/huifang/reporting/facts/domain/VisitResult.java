package com.huifang.reporting.facts.domain;

/** How a visit ended (VisitCompleted.result). */
public enum VisitResult {
    /** Customer reached and the visit done: counts as successful. */
    COMPLETED,
    /** The channel ladder is exhausted. */
    FAILED,
    /** The customer refused (客户自愿原则): not a failure, and out of the success-rate denominator. */
    REFUSED,
    /** Cancelled before the visit (e.g. a policy withdrawn in the cooling-off period): out of the denominator. */
    CANCELLED;

    private static final VisitResult[] ALL = values();

    /** The result for a contract code; null for an unknown code (a newer producer), treated as still open. */
    public static VisitResult fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (VisitResult r : ALL) {
            if (r.name().equalsIgnoreCase(code)) {
                return r;
            }
        }
        return null;
    }
}
