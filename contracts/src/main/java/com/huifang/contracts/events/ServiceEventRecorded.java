package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something happened to a customer (discharged, installed, contract signed…) and may trigger
 * follow-up visits. Produced by customer-service. Key: customer id.
 *
 * @param serviceEventId   Huifang's id of the service event
 * @param customerId       the customer it happened to
 * @param eventType        tenant-defined type code, e.g. DISCHARGED, INSTALLED, CONTRACT_SIGNED
 * @param occurredAt       when it happened
 * @param scheduledAt      an optional future date the event announces (an expert's visit), for offsets before it
 * @param customerCategory the customer's category code at the time (住院, 门诊, 沉睡会员…)
 * @param staffIds         staff who served or sold: never assigned to check their own work
 * @param source           where it came from: PARTNER_HTTP, PARTNER_KAFKA, STAFF, IMPORT
 * @param partnerEventId   the partner's own id, when a partner pushed it
 * @param attributes       free attributes (department, amount, policy receipt date, project end date…)
 */
public record ServiceEventRecorded(
        String serviceEventId,
        String customerId,
        String eventType,
        Instant occurredAt,
        Instant scheduledAt,
        String customerCategory,
        List<String> staffIds,
        String source,
        String partnerEventId,
        Map<String, String> attributes) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
