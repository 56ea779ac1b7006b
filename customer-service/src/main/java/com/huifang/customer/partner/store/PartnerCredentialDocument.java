package com.huifang.customer.partner.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A partner system allowed to push service events for one tenant. The tenant comes from here, never from a body. */
@Document("partner_credentials")
public class PartnerCredentialDocument {

    @Id
    public String partnerId;
    public String tenantId;
    public String name;
    public String secret;
    public boolean active;
    public Instant createdAt;
    public String createdBy;
}
