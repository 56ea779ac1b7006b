package com.huifang.reporting.facts.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A customer whose erasure was honoured: visit facts that arrive later are erased too. */
@Document(ErasedCustomerDocument.COLLECTION)
public class ErasedCustomerDocument {

    public static final String COLLECTION = "erased_customers";

    @Id
    public String id;
    public String tenantId;
    public String customerId;
    public Instant erasedAt;

    public static String idOf(String tenantId, String customerId) {
        return tenantId + "/" + customerId;
    }
}
