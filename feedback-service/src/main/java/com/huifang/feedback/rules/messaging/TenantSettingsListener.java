package com.huifang.feedback.rules.messaging;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.feedback.rules.TenantCalendars;
import com.huifang.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Copies each tenant's working calendar (schedule-service owns it) for the SLAs. */
@Component
class TenantSettingsListener {

    private final Inbox inbox;
    private final TenantCalendars calendars;

    TenantSettingsListener(Inbox inbox, TenantCalendars calendars) {
        this.inbox = inbox;
        this.calendars = calendars;
    }

    @KafkaListener(topics = Topics.TENANT_SETTINGS)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(record, "tenant-calendars", envelope -> "TenantCalendarChanged".equals(envelope.type())
                ? calendars.changed(envelope.tenantId(), EventJson.payload(envelope, TenantCalendarChanged.class))
                : Mono.empty());
    }
}
