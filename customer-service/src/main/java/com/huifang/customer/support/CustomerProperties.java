package com.huifang.customer.support;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * customer-service settings.
 *
 * @param keys  personal-data keys: cipher keys by id (base64 of 32 bytes), the active one, and the lookup-hash key
 * @param codes the codes every tenant may use until it defines its own
 */
@ConfigurationProperties("huifang.customer")
public record CustomerProperties(Keys keys, Codes codes) {

    /** The key id of the development key: never to be active outside local runs and tests. */
    public static final String DEV_KEY_ID = "dev-only-insecure";

    public record Keys(Map<String, String> cipher, String active, String lookup) {
    }

    public record Codes(List<String> categories, String defaultCategory, List<String> serviceEventTypes) {
    }
}
