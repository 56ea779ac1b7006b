package com.huifang.customer.partner.web;

import com.huifang.customer.partner.domain.PartnerServiceEventDraft;
import java.util.List;
import java.util.Map;

/**
 * A service event as a partner system pushes it (HTTP body, or the payload of a
 * {@code huifang.partner-events} record). Validated by the domain ({@code PartnerServiceEvent.validate}).
 *
 * @param type        tenant-defined type code: DISCHARGED, FIRST_VISIT, INSTALLED, CONTRACT_SIGNED…
 * @param occurredAt  when it happened, ISO-8601 with offset ({@code 2025-06-01T09:30:00+08:00} or {@code …Z})
 * @param scheduledAt an announced future date-time (e.g. the expert's visit), optional
 * @param customer    who it happened to, by the partner's own reference
 * @param attributes  department, amount, policyReceiptDate, projectEndDate, salesperson…
 */
public record PartnerEventRequest(
        String type,
        String occurredAt,
        String scheduledAt,
        PartnerCustomer customer,
        Map<String, String> attributes) {

    /**
     * @param ref      the partner's id of the customer (patient number, member number…)
     * @param name     display name
     * @param phones   phone numbers (mobiles, landlines with area code)
     * @param category category code (住院, 门诊, 新签约…)
     * @param staffIds staff who served or sold
     */
    public record PartnerCustomer(String ref, String name, List<String> phones, String category,
                                  List<String> staffIds) {
    }

    public PartnerServiceEventDraft toDraft(String partnerEventId) {
        return new PartnerServiceEventDraft(partnerEventId, type, occurredAt, scheduledAt,
                customer == null ? null
                        : new PartnerServiceEventDraft.CustomerInput(customer.ref(), customer.name(), customer.phones(),
                        customer.category()),
                attributes);
    }

    public List<String> staffIds() {
        return customer == null || customer.staffIds() == null ? List.of() : customer.staffIds();
    }
}
