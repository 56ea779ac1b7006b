package com.huifang.customer.customer.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The codes a tenant defined, against which inputs are checked: customer categories (住院, 门诊,
 * 沉睡会员, 活跃会员, 毕业会员, 新签约…) and service-event types (DISCHARGED, INSTALLED…). Loaded by
 * an adapter from the tenant's settings; an unknown code is a field error, never stored.
 *
 * @param categories        allowed category codes
 * @param defaultCategory   given to a customer whose input names none (null: a category is required)
 * @param serviceEventTypes allowed service-event type codes
 */
public record TenantCodes(Set<String> categories, String defaultCategory, Set<String> serviceEventTypes) {

    public TenantCodes {
        categories = Set.copyOf(categories);
        serviceEventTypes = Set.copyOf(serviceEventTypes);
        if (defaultCategory != null && !categories.contains(defaultCategory)) {
            throw new IllegalArgumentException("default category " + defaultCategory + " is not among the categories");
        }
    }

    public boolean isCategory(String code) {
        return code != null && categories.contains(code);
    }

    public boolean isServiceEventType(String code) {
        return code != null && serviceEventTypes.contains(code);
    }

    /** Without a default category. */
    public static TenantCodes of(Set<String> categories, Set<String> serviceEventTypes) {
        return new TenantCodes(categories, null, serviceEventTypes);
    }

    public TenantCodes withDefaultCategory(String code) {
        return new TenantCodes(categories, Objects.requireNonNull(code), serviceEventTypes);
    }
}
