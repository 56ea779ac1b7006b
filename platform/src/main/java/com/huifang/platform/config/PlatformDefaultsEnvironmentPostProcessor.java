package com.huifang.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Defaults every service shares (Kafka producer safety, actuator exposure, health probes, log
 * format, environment variable names). They join Spring Boot's "default properties", the lowest
 * precedence there is, so that a service's own {@code <name>.properties}, environment variables
 * and test properties all win.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults;
        try {
            defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("huifang-platform-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        Map<String, Object> merged = new HashMap<>();
        defaults.forEach((k, v) -> merged.put((String) k, v));
        if (existing != null && existing.getSource() instanceof Map<?, ?> given) {
            given.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        environment.getPropertySources().remove(DefaultPropertiesPropertySource.NAME);
        environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(merged));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
