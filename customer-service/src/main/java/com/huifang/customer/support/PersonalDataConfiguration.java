package com.huifang.customer.support;

import com.huifang.customer.customer.domain.TenantCodes;
import com.huifang.customer.pii.domain.FieldCipher;
import com.huifang.customer.pii.domain.LookupHash;
import com.huifang.customer.pii.domain.RevealPolicy;
import java.util.Base64;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The personal-data keys and policies, from configuration ({@code huifang.customer.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CustomerProperties.class, ImportProperties.class})
public class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    FieldCipher fieldCipher(CustomerProperties properties) {
        CustomerProperties.Keys keys = properties.keys();
        if (CustomerProperties.DEV_KEY_ID.equals(keys.active())) {
            log.warn("Personal data is encrypted with the DEVELOPMENT key '{}': set HUIFANG_CUSTOMER_KEY_ID, "
                    + "HUIFANG_CUSTOMER_KEYS_CIPHER_<ID> and HUIFANG_CUSTOMER_LOOKUP_KEY outside local runs and tests", keys.active());
        }
        return FieldCipher.fromBase64Keys(keys.cipher(), keys.active());
    }

    @Bean
    LookupHash lookupHash(CustomerProperties properties) {
        return new LookupHash(Base64.getDecoder().decode(properties.keys().lookup().strip()));
    }

    @Bean
    RevealPolicy revealPolicy() {
        return RevealPolicy.standard();
    }

    @Bean
    TenantCodes defaultTenantCodes(CustomerProperties properties) {
        CustomerProperties.Codes codes = properties.codes();
        return new TenantCodes(new LinkedHashSet<>(codes.categories()), codes.defaultCategory(),
                new LinkedHashSet<>(codes.serviceEventTypes()));
    }
}
