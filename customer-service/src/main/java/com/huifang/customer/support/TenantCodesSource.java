package com.huifang.customer.support;

import com.huifang.customer.customer.domain.TenantCodes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The codes a tenant may use. Today every tenant has the configured defaults
 * ({@code huifang.customer.codes.*}); tenant-defined codes will be looked up here.
 */
@Component
public class TenantCodesSource {

    private final TenantCodes defaults;

    public TenantCodesSource(TenantCodes defaults) {
        this.defaults = defaults;
    }

    public Mono<TenantCodes> of(String tenantId) {
        return Mono.just(defaults);
    }
}
