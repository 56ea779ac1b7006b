package com.huifang.customer.customer.domain;

import java.time.Instant;
import java.util.Set;

/** Object mother for customer tests. */
public final class Customers {

    public static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");
    public static final TenantCodes CODES = new TenantCodes(
            Set.of("住院", "门诊", "沉睡会员", "活跃会员", "毕业会员", "新签约"), null,
            Set.of("DISCHARGED", "FIRST_VISIT", "PURCHASED", "INSTALLED", "CONTRACT_SIGNED", "REPAIR_DONE",
                    "APPOINTMENT_MISSED", "PROJECT_STARTED", "PROJECT_COMPLETED", "COMPLAINT_RESOLVED"));

    private Customers() {
    }

    public static CustomerDraft.Builder fullDraft() {
        return CustomerDraft.builder()
                .name("张三")
                .phone("手机", "138 1234 1234", true)
                .phone("单位", "010-62345678转123", false)
                .email("工作", "Zhang.San@Example.COM", false)
                .category("住院")
                .tag("VIP").tag("术后")
                .preferredChannel("phone")
                .preferredHours("18:00-20:00")
                .timeZone("Asia/Shanghai")
                .staffId("staff-7")
                .householdId("hh-12")
                .siteId("site-3")
                .attribute("department", "骨科")
                .partnerReference("his-main", "P000123")
                .idNumber("11010519491231002X");
    }

    public static CustomerProfile fullProfile() {
        return CustomerProfile.validate(fullDraft().build(), CODES).orThrow();
    }

    public static Customer customer() {
        return Customer.create("c-1", "t-1", fullProfile(), NOW);
    }
}
