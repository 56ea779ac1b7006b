package com.huifang.survey.customer.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * survey-service's copy of what a script needs of one customer, from {@code CustomerProfileChanged}: the salutation
 * and title only (no phone, no full record). The highest profile version wins; an erased customer keeps no name, and
 * a replayed older profile cannot bring it back.
 */
@Document("survey_customers")
public class CustomerCopyDocument {

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    /** "张先生"; null when unknown or erased. */
    public String salutation;
    /** "先生" / "女士" / null. */
    public String title;
    public int version;
    public boolean erased;
    public Instant updatedAt;

    public static String idOf(String tenantId, String customerId) {
        return tenantId + "/" + customerId;
    }
}
