package com.huifang.customer.partner.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service event as a partner sent it (JSON body or Kafka record), unvalidated.
 *
 * @param partnerEventId the partner's id of the event: the idempotency key
 * @param type           tenant-defined type code (DISCHARGED, INSTALLED…)
 * @param occurredAt     ISO-8601 instant or date-time with offset ({@code 2025-06-01T09:30:00+08:00})
 * @param scheduledAt    optional future date-time the event announces (an expert's visit)
 * @param customer       who it happened to, by the partner's reference
 * @param attributes     {@code department}, {@code amount}, {@code projectEndDate}, {@code policyReceiptDate},
 *                       {@code salesperson}, and other free attributes
 */
public record PartnerServiceEventDraft(String partnerEventId, String type, String occurredAt, String scheduledAt,
                                       CustomerInput customer, Map<String, String> attributes) {

    /** The customer part: the partner's reference, name, phones and optional category. */
    public record CustomerInput(String ref, String name, List<String> phones, String category) {
        public CustomerInput {
            phones = phones == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(phones));
        }
    }

    public PartnerServiceEventDraft {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
