package com.huifang.customer.customer.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer as stored. Phones, e-mails and the ID number are stored only encrypted
 * ({@code FieldCipher}, bound to tenant, customer and field); {@code phoneHashes} are keyed lookup
 * hashes. {@code version} is written conditionally: an update names the version it loaded.
 */
@Document("customers")
public class CustomerDocument {

    @Id
    public String id;
    public String tenantId;
    public String name;
    /** MR or MS, or null. */
    public String title;
    public String category;
    public List<String> tags = new ArrayList<>();
    public String preferredChannel;
    public List<String> preferredHours = new ArrayList<>();
    public String timeZone;
    public List<String> staffIds = new ArrayList<>();
    public String householdId;
    public String siteId;
    public Map<String, String> attributes = new LinkedHashMap<>();
    /** partnerId:customerRef of every partner record naming this customer. */
    public List<String> partnerRefs = new ArrayList<>();
    public List<StoredContact> phones = new ArrayList<>();
    public List<StoredContact> emails = new ArrayList<>();
    /** Ciphertext of the ID number, or null. */
    public String idNumber;
    public List<String> phoneHashes = new ArrayList<>();
    public StoredConsent consent = new StoredConsent();
    public Instant erasedAt;
    public Instant createdAt;
    public Instant updatedAt;
    public Long version;
    /** The erasure request and its progress; written only by the erasure use case (not in the profile fields). */
    public StoredErasure erasure;
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static class StoredErasure {
        public String requestId;
        public String state;
        public Instant requestedAt;
        public String requestedBy;
        public String requestedByRole;
        public Instant anonymisedAt;
        public String erasedEventId;
        public Map<String, Instant> confirmations = new LinkedHashMap<>();
        /** When every expected service had confirmed and the erasure event had left the outbox. */
        public Instant completedAt;
    }

    /** A labelled phone or e-mail; {@code value} is the ciphertext. */
    public static class StoredContact {
        public String label;
        public String value;
        public boolean primary;
    }

    public static class StoredConsent {
        public Map<String, StoredChannelConsent> channels = new LinkedHashMap<>();
        public boolean doNotContact;
        public Instant doNotContactSince;
        public String doNotContactSource;
    }

    public static class StoredChannelConsent {
        public String status;
        public String source;
        public Instant at;
    }
}
