package com.huifang.feedback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** feedback-service: issues, routing, SLAs in business hours, escalation, the closed loop. */
@SpringBootApplication
@PropertySource("classpath:feedback-service.properties")
public class FeedbackServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackServiceApplication.class, args);
    }
}
