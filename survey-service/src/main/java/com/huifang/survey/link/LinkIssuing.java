package com.huifang.survey.link;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.survey.link.delivery.EmailLinkSender;
import com.huifang.survey.link.delivery.LinkMessage;
import com.huifang.survey.link.delivery.SmsDeliveryException;
import com.huifang.survey.link.delivery.SmsSender;
import com.huifang.survey.link.domain.SurveyLink;
import com.huifang.survey.link.store.LinkDocument;
import com.huifang.survey.response.ResponseRecording;
import com.huifang.survey.response.SurveyFrequency;
import com.huifang.survey.support.SurveyProperties;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.visit.VisitSurveys;
import java.security.SecureRandom;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issues a single-use link for a visit's survey and sends it to the customer. The link is stored (hashed) before it
 * is sent. When sending fails the link stays valid until it expires: a provider that timed out may still have
 * delivered the message, and a customer must never open a dead link. The failure is answered with a 502 problem and
 * counted ({@code huifang.survey.link.delivery.failures}, by channel and reason); the agent may send a new link.
 */
@Service
public class LinkIssuing {

    private static final Logger log = LoggerFactory.getLogger(LinkIssuing.class);

    public enum Channel { EMAIL, SMS }

    public record IssuedLink(String visitId, Channel channel, String templateId, int templateVersion,
                             java.time.Instant expiresAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final VisitSurveys visits;
    private final ResponseRecording responses;
    private final SurveyFrequency frequency;
    private final EmailLinkSender email;
    private final SmsSender sms;
    private final SurveyProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();

    public LinkIssuing(ReactiveMongoTemplate mongo, VisitSurveys visits, ResponseRecording responses,
                       SurveyFrequency frequency, EmailLinkSender email, SmsSender sms, SurveyProperties properties,
                       Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.visits = visits;
        this.responses = responses;
        this.frequency = frequency;
        this.email = email;
        this.sms = sms;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    public Mono<IssuedLink> issue(String tenantId, String visitId, Channel channel, String to) {
        return visits.visit(tenantId, visitId).flatMap(visit -> visits.template(visit, null).flatMap(template -> {
            if (!template.askedBy(SurveyChannel.LINK)) {
                return Mono.error(ApiProblem.conflict("link-not-offered", "survey.link.not-offered",
                        template.templateId()));
            }
            return responses.existing(tenantId, visitId)
                    .flatMap(r -> Mono.<Void>error(ApiProblem.conflict("already-answered",
                            "survey.response.already-answered", visitId)))
                    .then(frequency.check(visit))
                    .then(Mono.defer(() -> {
                        SurveyLink.Issued issued = SurveyLink.issue(random, tenantId, visitId, visit.customerId,
                                template.ref(), clock.instant(), properties.links().validFor());
                        LinkDocument doc = LinkDocument.of(issued.link(), channel.name());
                        LinkMessage message = message(channel, to, template.name(), tenantId,
                                properties.links().baseUrl() + "/s/" + issued.token());
                        return mongo.insert(doc)
                                .then(Mono.fromRunnable(() -> send(channel, message))
                                        .subscribeOn(Schedulers.boundedElastic()))
                                .onErrorResume(e -> !(e instanceof ApiProblem), e -> {
                                    String reason = reasonOf(e);
                                    meters.counter("huifang.survey.link.delivery.failures", "channel", channel.name(),
                                            "reason", reason).increment();
                                    log.warn("Survey link for visit {} to {} not sent by {} ({}): {}", visitId,
                                            LinkMessage.mask(to), channel, reason, e.getMessage());
                                    return Mono.error(new ApiProblem(HttpStatus.BAD_GATEWAY, "link-not-sent",
                                            "survey.link.not-sent", channel.name()));
                                })
                                .thenReturn(new IssuedLink(visitId, channel, template.templateId(),
                                        template.version(), doc.expiresAt));
                    }));
        }));
    }

    /** refused (the provider said no to this message), unavailable (down, slow, throttling), circuit-open. */
    private static String reasonOf(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "circuit-open";
        }
        if (e instanceof SmsDeliveryException d) {
            return d.transientFailure() ? "unavailable" : "refused";
        }
        return "unavailable";
    }

    private void send(Channel channel, LinkMessage message) {
        switch (channel) {
            case EMAIL -> email.send(message);
            case SMS -> sms.send(message);
        }
    }

    private LinkMessage message(Channel channel, String to, String surveyName, String tenantId, String url) {
        String organisation = properties.organisationOf(tenantId);
        String sender = organisation.isBlank() ? "" : "【" + organisation + "】";
        String text = channel == Channel.SMS
                ? sender + "您好,邀请您填写回访问卷「" + surveyName + "」,约需1分钟:" + url + " (链接仅可使用一次)"
                : "您好:\n\n感谢您选择" + (organisation.isBlank() ? "我们" : organisation) + "。请点击下面的链接填写回访问卷「"
                        + surveyName + "」,约需1分钟:\n\n" + url + "\n\n链接仅可使用一次,请在 "
                        + properties.links().validFor().toDays() + " 天内填写。\n\n"
                        + "Please answer our short follow-up survey: " + url + "\n";
        return new LinkMessage(to, sender + "回访问卷 / Follow-up survey", text,
                Map.of("organisation", organisation.isBlank() ? "我们" : organisation, "survey", surveyName,
                        "link", url));
    }
}
