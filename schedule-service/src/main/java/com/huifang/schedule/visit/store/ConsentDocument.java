package com.huifang.schedule.visit.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Scheduling's copy of a customer's consent (from {@code CustomerConsentChanged}). Id = {@code tenant:customer}. */
@Document("customer_consents")
public class ConsentDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public List<String> optedOutChannels = new ArrayList<>();
    public boolean doNotContact;
    public Instant changedAt;
    /** the customer's category from their latest service event (stops recurrences such as "until active") */
    public String category;

    public static String idOf(String tenantId, String customerId) {
        return tenantId + ":" + customerId;
    }
}
