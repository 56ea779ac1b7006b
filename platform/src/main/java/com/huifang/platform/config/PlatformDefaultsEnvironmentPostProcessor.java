package com.huifang.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Defaults every service shares (Kafka producer safety, actuator exposure, health probes, log
 * format, environment variable names), added with the lowest precedence so that a service's own
 * configuration, environment variables and test properties all win.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("huifangPlatformDefaults")) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("huifangPlatformDefaults",
                    new ClassPathResource("huifang-platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
