package com.huifang.customer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** customer-service: customers, consent, personal data, partner service events, imports. */
@SpringBootApplication
@PropertySource("classpath:customer-service.properties")
public class CustomerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomerServiceApplication.class, args);
    }
}
