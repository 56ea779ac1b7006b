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
    public boolean active;
    public Instant createdAt;
    public String createdBy;

    public static String secretContext(String partnerId) {
        return "partner/" + partnerId + "/secret";
    }
}
