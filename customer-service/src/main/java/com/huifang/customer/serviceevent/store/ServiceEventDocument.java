package com.huifang.customer.serviceevent.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recorded service event. Its id is derived from tenant, partner and the partner's event id, so
 * the same push twice collides on {@code _id} and stores nothing new.
 */
@Document("service_events")
public class ServiceEventDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public String type;
    public Instant occurredAt;
    public Instant scheduledAt;
    public String source;
    public String partnerId;
    public String partnerEventId;
    public Map<String, String> attributes;
    public Instant recordedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
