package com.huifang.survey.customer.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a service event happened ({@code ServiceEventRecorded}), for the {eventDate} of a visit's script: the visit
 * events name the service event but do not carry its date.
 */
@Document("survey_service_events")
public class ServiceEventCopyDocument {

    @Id
    public String id;
    public String tenantId;
    public String serviceEventId;
    public String customerId;
    public String eventType;
    public Instant occurredAt;

    public static String idOf(String tenantId, String serviceEventId) {
        return tenantId + "/" + serviceEventId;
    }
}
