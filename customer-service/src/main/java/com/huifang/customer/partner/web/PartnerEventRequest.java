package com.huifang.customer.partner.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service event as a partner system pushes it.
 *
 * @param type        tenant-defined type code: DISCHARGED, FIRST_VISIT, INSTALLED, CONTRACT_SIGNED…
 * @param occurredAt  when it happened
 * @param scheduledAt an announced future date (e.g. the expert's visit), optional
 * @param customer    who it happened to, by the partner's own reference
 * @param attributes  department, amount, policy receipt date, project end date, salesperson…
 */
public record PartnerEventRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String type,
        @NotNull Instant occurredAt,
        Instant scheduledAt,
        @NotNull @Valid PartnerCustomer customer,
        @Size(max = 50) Map<@Size(max = 64) String, @Size(max = 500) String> attributes) {

    /**
     * @param ref      the partner's id of the customer (patient number, member number…)
     * @param name     display name
     * @param category category code (住院, 门诊, 新签约…)
     * @param staffIds staff who served or sold
     */
    public record PartnerCustomer(
            @NotBlank @Size(max = 64) String ref,
            @Size(max = 100) String name,
            @Size(max = 32) String category,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> staffIds) {
    }
}
