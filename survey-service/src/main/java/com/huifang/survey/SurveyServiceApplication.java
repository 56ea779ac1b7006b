package com.huifang.survey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** survey-service: templates and scripts, responses by agent or customer link, scores. */
@SpringBootApplication
@PropertySource("classpath:survey-service.properties")
public class SurveyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SurveyServiceApplication.class, args);
    }
}
