package com.huifang.schedule.customer.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Scheduling's copy of a customer, from customer-service's {@code CustomerProfileChanged}: only what
 * worklists, scripts, planning and assignment need, never a plaintext phone number. The highest
 * profile {@code profileVersion} wins; an erased customer's copy is blanked for good.
 * Id = {@code tenant:customer}.
 */
@Document("customer_copies")
public class CustomerCopyDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public String salutation;
    public String title;
    public String maskedPhone;
    public String category;
    public List<String> contactChannels = new ArrayList<>();
    public String preferredChannel;
    /** "HH:mm-HH:mm" each */
    public List<String> preferredHours = new ArrayList<>();
    public String zoneId;
    public List<String> staffIds = new ArrayList<>();
    public String household;
    public int profileVersion;
    public Instant changedAt;
    public boolean erased;
    @Version
    public Long version;

    public static String idOf(String tenantId, String customerId) {
        return tenantId + ":" + customerId;
    }
}
