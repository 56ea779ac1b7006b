package com.huifang.customer.customer.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A customer as stored. Personal fields are encrypted; {@code phoneHashes} allow lookup without plaintext. */
@Document("customers")
public class CustomerDocument {

    @Id
    public String id;
    public String tenantId;
    public String name;
    public String category;
    public List<String> tags = new ArrayList<>();
    /** partnerId:partnerRef of every partner record naming this customer. */
    public List<String> partnerRefs = new ArrayList<>();
    public List<String> staffIds = new ArrayList<>();
    public Map<String, String> attributes;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public Long version;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
