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
        sms = sms == null ? new Sms(null, null, null) : sms;
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

    /**
     * @param provider   {@code file} (default: the local sink) or {@code aliyun} (Alibaba Cloud SMS)
     * @param outboxFile where the local SMS sink appends messages; none = log only
     * @param aliyun     the Alibaba Cloud account, template and timeouts (provider {@code aliyun})
     */
    public record Sms(String provider, String outboxFile, Aliyun aliyun) {
        public Sms {
            provider = provider == null || provider.isBlank() ? "file" : provider.strip();
            aliyun = aliyun == null ? new Aliyun(null, null, null, null, null, null, null, null, null, null) : aliyun;
        }
    }

    /**
     * @param endpoint       API endpoint (https://dysmsapi.aliyuncs.com)
     * @param signName       the approved SMS signature (签名)
     * @param templateCode   the approved template (SMS_…) with variables {@code organisation}, {@code survey},
     *                       {@code link}
     * @param connectTimeout per attempt
     * @param requestTimeout per attempt, the answer included
     * @param attempts       tries of a message the provider did not take for its own reasons (5xx, no connection)
     * @param retryWait      pause between tries
     */
    public record Aliyun(java.net.URI endpoint, String accessKeyId, String accessKeySecret, String signName,
                         String templateCode, String regionId, Duration connectTimeout, Duration requestTimeout,
                         Integer attempts, Duration retryWait) {
        public Aliyun {
            endpoint = endpoint == null ? java.net.URI.create("https://dysmsapi.aliyuncs.com") : endpoint;
            regionId = regionId == null || regionId.isBlank() ? "cn-hangzhou" : regionId;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
            attempts = attempts == null || attempts < 1 ? 3 : attempts;
            retryWait = retryWait == null ? Duration.ofMillis(500) : retryWait;
        }
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
