package com.huifang.reporting.facts.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One service event fact (customer category, staff who served): the domain fact in {@link #state}. */
@Document(ServiceEventFactDocument.COLLECTION)
public class ServiceEventFactDocument {

    public static final String COLLECTION = "service_event_facts";

    @Id
    public String id;
    @Version
    public Long version;
    public String tenantId;
    public String serviceEventId;
    public String customerId;
    /** Tenant-local date the service happened, ISO (households served per period, for sampling). */
    public String occurredDate;
    /** The tenant zone its local dates were taken in: a fact described in another zone is described again. */
    public String zone;
    public String state;

    public static String idOf(String tenantId, String serviceEventId) {
        return tenantId + "/" + serviceEventId;
    }
}
