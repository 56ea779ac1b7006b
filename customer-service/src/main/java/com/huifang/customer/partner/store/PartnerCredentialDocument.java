package com.huifang.customer.partner.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner system allowed to push service events for one tenant. The tenant comes from here,
 * never from a body. The signing secret is stored encrypted ({@code FieldCipher}, bound to the partner id).
 */
@Document("partner_credentials")
public class PartnerCredentialDocument {

    @Id
    public String partnerId;
    public String tenantId;
    public String name;
    /** Ciphertext of the signing secret. */
    public String secret;
    /** False while an admin has deactivated the partner: its pushes are refused, its Kafka events skipped. */
    public boolean active;
    public Instant deactivatedAt;
    public String deactivatedBy;
    public String deactivationReason;
    public Instant reactivatedAt;
    public String reactivatedBy;
    public Instant createdAt;
    public String createdBy;
    /** Ciphertext of the secret before the last rotation, accepted until {@link #previousSecretUntil}. */
    public String previousSecret;
    public Instant previousSecretUntil;
    public Instant rotatedAt;
    public String rotatedBy;
    /** Audit entries of registration, rotation, deactivation and reactivation, written with the change they record. */
    public java.util.List<com.huifang.platform.messaging.OutboxEntry> outbox = new java.util.ArrayList<>();

    public static String secretContext(String partnerId) {
        return "partner/" + partnerId + "/secret";
    }
}
