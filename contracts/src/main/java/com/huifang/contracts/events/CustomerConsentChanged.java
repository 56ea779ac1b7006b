package com.huifang.contracts.events;

import com.huifang.contracts.HuifangEvent;
import java.time.Instant;
import java.util.List;

/**
 * A customer's consent changed (客户自愿原则). Scheduling applies it at once to open visits.
 *
 * @param optedOutChannels channels the customer refuses (PHONE, SMS, EMAIL, HOME_VISIT, LETTER)
 * @param doNotContact     the customer refuses all contact
 */
public record CustomerConsentChanged(
        String customerId,
        List<String> optedOutChannels,
        boolean doNotContact,
        String source,
        Instant changedAt) implements HuifangEvent {

    @Override
    public String key() {
        return customerId;
    }
}
