package com.huifang.survey.support;

import com.huifang.platform.messaging.OutboxCollections;
import com.huifang.platform.retention.RetentionTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collections whose documents carry events to relay, and what the tenant's retention purges. */
@Configuration(proxyBeanMethods = false)
public class SurveyStoreConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("responses", "survey_templates", "survey_template_retirements");
    }

    /**
     * Survey responses older than the tenant's retention (issue 10 §2, counted from {@code submittedAt}) are
     * anonymised, not deleted: everything that ties a response to a person goes — the answers themselves (free text
     * among them), the comments, the agent's flag note and the customer id — while the scores stay (rating, CSAT
     * class, NPS and its class, problem marks, flag, low score, template version, plan, visit, agent, time). So
     * figures over a period (CSAT, NPS, share of problem answers, per agent or plan) come out the same before and
     * after the purge, and the one-response-per-visit guard still holds. reporting-service keeps its own facts
     * from {@code SurveySubmitted} and purges them by its own targets.
     */
    @Bean
    RetentionTarget responsesRetention() {
        return RetentionTarget.anonymise("responses", "submittedAt", null,
                "answers", "comments", "flagNote", "customerId");
    }

    /** Survey links (hashed token, visit and customer ids) outlive their use by days; past retention they go. */
    @Bean
    RetentionTarget linksRetention() {
        return RetentionTarget.delete("survey_links", "issuedAt");
    }
}
