package com.huifang.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** reporting-service: projections from every event, KPIs, exports, business metrics. */
@SpringBootApplication
@PropertySource("classpath:reporting-service.properties")
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
