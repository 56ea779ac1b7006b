package com.huifang.customer.retention.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a tenant keeps visits, attempts, recording references, survey answers and issues after
 * their last activity, and the legal minimum it must never go below (seed 004: records and
 * recordings of securities and wealth-management visits at least 3 years).
 *
 * @param retentionDays    days kept after the last activity
 * @param legalMinimumDays the floor the tenant's regulator sets (0 = none declared)
 */
public record RetentionRule(int retentionDays, int legalMinimumDays) {

    /** 3 years, no declared floor: what a tenant has until its admin sets a rule. */
    public static final RetentionRule DEFAULT = new RetentionRule(1095, 0);
    /** Nothing is kept longer than 30 years (a typo guard, not a law). */
    public static final int MAX_DAYS = 30 * 366;

    /** A field and what is wrong with it (message keys of customer-service's bundle). */
    public record Violation(String field, String code, String messageKey, Object... args) {
    }

    /** Every reason the rule cannot be saved; empty when it can. */
    public static List<Violation> check(Integer retentionDays, Integer legalMinimumDays) {
        List<Violation> v = new ArrayList<>();
        if (retentionDays == null) {
            v.add(new Violation("retentionDays", "required", "customer.field.required"));
        } else if (retentionDays < 1 || retentionDays > MAX_DAYS) {
            v.add(new Violation("retentionDays", "out-of-range", "customer.retention.range", 1, MAX_DAYS));
        }
        if (legalMinimumDays == null) {
            v.add(new Violation("legalMinimumDays", "required", "customer.field.required"));
        } else if (legalMinimumDays < 0 || legalMinimumDays > MAX_DAYS) {
            v.add(new Violation("legalMinimumDays", "out-of-range", "customer.retention.range", 0, MAX_DAYS));
        }
        if (v.isEmpty() && retentionDays < legalMinimumDays) {
            v.add(new Violation("retentionDays", "below-legal-minimum", "customer.retention.below-minimum",
                    legalMinimumDays));
        }
        return v;
    }
}
