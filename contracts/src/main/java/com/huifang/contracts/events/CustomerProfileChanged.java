package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;

/**
 * What other services may keep of a customer, published on every create, update, merge and import:
 * only what an agent's worklist and a call script need, never a plaintext phone or ID number.
 * Consumers keep the copy with the highest {@code version} (events of one customer are ordered on
 * its partition, but a replay may bring an older one after a newer one).
 *
 * @param salutation        how the script addresses the customer: surname + title ("张先生", "李女士"),
 *                          or the name alone when no title is known; null when erased
 * @param title             "先生", "女士", or null
 * @param maskedPhone       primary phone masked for display (138****1234), or null
 * @param contactChannels   channels the customer can be reached on (PHONE, SMS, EMAIL, HOME_VISIT, LETTER)
 * @param preferredChannel  the customer's preferred channel, or null
 * @param preferredHours    preferred calling windows as "HH:mm-HH:mm", in the customer's zone
 * @param zoneId            the customer's time zone override, or null for the tenant's
 * @param staffIds          staff who served or sold (never assigned to check their own work)
 * @param household         household/site id for sampling, or null
 * @param version           the customer record's version
 */
public record CustomerProfileChanged(
        String customerId,
        String salutation,
        String title,
        String maskedPhone,
        String category,
        List<String> contactChannels,
        String preferredChannel,
        List<String> preferredHours,
        String zoneId,
        List<String> staffIds,
        String household,
        int version,
        Instant changedAt) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
