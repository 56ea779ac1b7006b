package com.huifang.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The API gateway: routes {@code /api/**} to the owning services, authenticates every call with the
 * bearer token (each service checks it again), answers for a failed service with 503
 * problem+json, and serves one Swagger UI for all services.
 */
@SpringBootApplication
@PropertySource("classpath:gateway.properties")
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
