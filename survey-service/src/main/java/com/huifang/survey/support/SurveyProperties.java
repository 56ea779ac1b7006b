package com.huifang.survey.support;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * survey-service settings ({@code huifang.survey.*}), with per-tenant overrides under
 * {@code huifang.survey.tenants.<tenantId>.*}.
 *
 * @param organisation   the organisation named in scripts when the tenant has no name of its own
 * @param quietDays      default days a customer is not surveyed again (frequency guard); 0 disables it
 * @param zone           default time zone of tenants (quiet days are calendar days there)
 * @param tenants        per-tenant overrides
 * @param links          customer survey links
 * @param mail           e-mail sender
 * @param sms            SMS sender (file sink for local use)
 */
@ConfigurationProperties("huifang.survey")
public record SurveyProperties(String organisation, Integer quietDays, ZoneId zone, Map<String, Tenant> tenants,
                               Links links, Mail mail, Sms sms) {

    public SurveyProperties {
        organisation = organisation == null ? "" : organisation;
        quietDays = quietDays == null ? 30 : quietDays;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        links = links == null ? new Links(null, null) : links;
        mail = mail == null ? new Mail(null) : mail;
        sms = sms == null ? new Sms(null) : sms;
    }

    /**
     * @param organisation   name used in scripts, e.g. "仁和医院"
     * @param quietDays      days a customer is not surveyed again
     * @param requiredStages plan stages whose visits are surveyed whatever the quiet days (e.g. "completion")
     */
    public record Tenant(String organisation, Integer quietDays, Set<String> requiredStages) {
    }

    /**
     * @param baseUrl  public address the customer opens (the gateway), the link is {@code <baseUrl>/s/<token>}
     * @param validFor how long a link may be used
     */
    public record Links(String baseUrl, Duration validFor) {
        public Links {
            baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
            validFor = validFor == null ? Duration.ofDays(7) : validFor;
        }
    }

    /** @param from the sender address of survey e-mails */
    public record Mail(String from) {
        public Mail {
            from = from == null ? "noreply@huifang.local" : from;
        }
    }

    /** @param outboxFile where the local SMS sink appends messages; none = log only */
    public record Sms(String outboxFile) {
    }

    public String organisationOf(String tenantId) {
        Tenant t = tenants.get(tenantId);
        return t != null && t.organisation() != null && !t.organisation().isBlank() ? t.organisation() : organisation;
    }

    public int quietDaysOf(String tenantId) {
        Tenant t = tenants.get(tenantId);
        return t != null && t.quietDays() != null ? t.quietDays() : quietDays;
    }

    public boolean stageRequiresSurvey(String tenantId, String stage) {
        Tenant t = tenants.get(tenantId);
        return stage != null && t != null && t.requiredStages() != null && t.requiredStages().contains(stage);
    }
}
