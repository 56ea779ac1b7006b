package com.huifang.customer.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.customer.pii.domain.FieldCipher;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The deployment files (deploy/compose, deploy/k8s) hand the keys over as environment variables: this
 * checks those exact names reach {@link CustomerProperties} the way Spring binds a real environment,
 * and that a rotated-out key still decrypts.
 */
class KeysFromEnvironmentTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static CustomerProperties bind(Map<String, Object> environment) throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", environment));
        sources.addLast(new ResourcePropertySource("classpath:customer-service.properties"));
        return new Binder(ConfigurationPropertySources.from(sources),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(sources))
                .bind("huifang.customer", CustomerProperties.class).get();
    }

    @Test
    void theDeploymentVariableNamesBindToTheKeys() throws Exception {
        Map<String, Object> env = new HashMap<>();
        env.put("HUIFANG_CUSTOMER_KEY_ID", "k1");
        env.put("HUIFANG_CUSTOMER_KEYS_CIPHER_K1", K1);
        env.put("HUIFANG_CUSTOMER_LOOKUP_KEY", K2);

        CustomerProperties.Keys keys = bind(env).keys();

        assertThat(keys.active()).isEqualTo("k1");
        assertThat(keys.cipher()).containsEntry("k1", K1);
        assertThat(keys.lookup()).isEqualTo(K2);
    }

    @Test
    void aValueWrittenBeforeARotationStillDecrypts() throws Exception {
        Map<String, Object> before = new HashMap<>();
        before.put("HUIFANG_CUSTOMER_KEY_ID", "k1");
        before.put("HUIFANG_CUSTOMER_KEYS_CIPHER_K1", K1);
        CustomerProperties.Keys old = bind(before).keys();
        FieldCipher oldCipher = FieldCipher.fromBase64Keys(old.cipher(), old.active());
        String sealed = oldCipher.encrypt("13800138000", "customer/c1/phone");

        Map<String, Object> after = new HashMap<>(before);
        after.put("HUIFANG_CUSTOMER_KEY_ID", "k2");
        after.put("HUIFANG_CUSTOMER_KEYS_CIPHER_K2", K2);
        CustomerProperties.Keys rotated = bind(after).keys();
        FieldCipher newCipher = FieldCipher.fromBase64Keys(rotated.cipher(), rotated.active());

        assertThat(newCipher.decrypt(sealed, "customer/c1/phone")).isEqualTo("13800138000");
        assertThat(sealed).contains(":k1:");
        assertThat(newCipher.encrypt("13800138000", "customer/c1/phone")).contains(":k2:");
    }
}
