package com.huifang.schedule;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** schedule-service: plans, calendars, visits, attempts, retries, sampling, assignment, worklists. */
@SpringBootApplication
@PropertySource("classpath:schedule-service.properties")
public class ScheduleServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScheduleServiceApplication.class, args);
    }
}
