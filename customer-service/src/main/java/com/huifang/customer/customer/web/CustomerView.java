package com.huifang.customer.customer.web;

import com.huifang.customer.customer.store.CustomerDocument;
import java.time.Instant;
import java.util.List;

/** A customer as the API shows it. */
public record CustomerView(String id, String name, String category, List<String> tags, List<String> staffIds,
                           Instant createdAt, Instant updatedAt, Long version) {

    static CustomerView of(CustomerDocument d) {
        return new CustomerView(d.id, d.name, d.category, d.tags, d.staffIds, d.createdAt, d.updatedAt, d.version);
    }
}
