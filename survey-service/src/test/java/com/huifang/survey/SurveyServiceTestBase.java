package com.huifang.survey;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.survey.link.delivery.aliyun.FakeAliyunSms;
import com.huifang.survey.template.TemplateBody;
import com.huifang.survey.template.domain.SurveyTemplate;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of survey-service's integration tests (cached across classes): the real embedded broker
 * and store, an in-JVM SMTP server (GreenMail), the Alibaba Cloud SMS adapter talking to a local stand-in of the
 * provider that checks every request's signature, and a clock the tests move. Every test works in
 * its own tenant, so tests do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {SurveyServiceApplication.class, SurveyServiceTestBase.TestClock.class})
public abstract class SurveyServiceTestBase {

    protected static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    protected static final GreenMail SMTP;
    protected static final FakeAliyunSms SMS_PROVIDER;
    /** A tenant whose "completion" stage is surveyed whatever the quiet days, and whose quiet period is 7 days. */
    protected static final String STAGED_TENANT = "tenant-staged";

    static {
        SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SMTP::stop, "greenmail-stop"));
        SMS_PROVIDER = new FakeAliyunSms();
        Runtime.getRuntime().addShutdownHook(new Thread(SMS_PROVIDER::close, "fake-sms-stop"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "survey-service-test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("huifang.survey.sms.provider", () -> "aliyun");
        registry.add("huifang.survey.sms.aliyun.endpoint", () -> SMS_PROVIDER.endpoint().toString());
        registry.add("huifang.survey.sms.aliyun.access-key-id", () -> FakeAliyunSms.ACCESS_KEY_ID);
        registry.add("huifang.survey.sms.aliyun.access-key-secret", () -> FakeAliyunSms.ACCESS_KEY_SECRET);
        registry.add("huifang.survey.sms.aliyun.sign-name", () -> FakeAliyunSms.SIGN_NAME);
        registry.add("huifang.survey.sms.aliyun.template-code", () -> FakeAliyunSms.TEMPLATE_CODE);
        registry.add("huifang.survey.sms.aliyun.request-timeout", () -> "1s");
        registry.add("huifang.survey.sms.aliyun.retry-wait", () -> "50ms");
        registry.add("huifang.survey.organisation", () -> "仁和医院");
        registry.add("huifang.survey.quiet-days", () -> 30);
        registry.add("huifang.survey.tenants." + STAGED_TENANT + ".quiet-days", () -> 7);
        registry.add("huifang.survey.tenants." + STAGED_TENANT + ".required-stages", () -> "completion");
        registry.add("huifang.survey.tenants." + STAGED_TENANT + ".organisation", () -> "安居装饰");
    }

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected ObjectMapper json;

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    @Autowired
    void client(WebTestClient client) {
        this.http = client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String supervisor(String tenant) {
        return TestInfrastructure.token(tenant, "sup-1", "SUPERVISOR");
    }

    protected static String agent(String tenant) {
        return TestInfrastructure.TOKENS.mint(tenant, "agent-li", "李娜", List.of("AGENT"), Instant.now(),
                Duration.ofHours(1));
    }

    /** The visit copy survey-service keeps from visit events (written as the listener would). */
    protected SurveyVisitDocument visit(String tenant, String templateId, String customerId, String stage) {
        SurveyVisitDocument v = new SurveyVisitDocument();
        v.visitId = "v-" + UUID.randomUUID();
        v.tenantId = tenant;
        v.customerId = customerId;
        v.planId = "plan-" + templateId;
        v.stage = stage;
        v.surveyTemplateId = templateId;
        v.channel = "PHONE";
        v.assigneeId = "agent-li";
        v.dueAt = CLOCK.instant();
        v.updatedAt = CLOCK.instant();
        return mongo.insert(v).block();
    }

    protected SurveyVisitDocument visit(String tenant, String templateId) {
        return visit(tenant, templateId, "c-" + UUID.randomUUID(), "main");
    }

    /** The create-template request for a domain template (its tenant and version are ignored). */
    protected Map<String, Object> createRequest(SurveyTemplate template) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>(json.convertValue(TemplateBody.of(template), Map.class));
        body.put("id", template.templateId());
        return body;
    }

    protected WebTestClient.ResponseSpec createTemplate(String tenant, SurveyTemplate template) {
        return http.post().uri("/api/surveys/templates").headers(h -> h.setBearerAuth(supervisor(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(createRequest(template)).exchange();
    }

    protected WebTestClient.ResponseSpec answer(String tenant, Map<String, Object> request) {
        return http.post().uri("/api/surveys/responses").headers(h -> h.setBearerAuth(agent(tenant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    /** A survey link in a message: the base URL configured by default, then the token. */
    protected static final java.util.regex.Pattern LINK_IN_MESSAGE =
            java.util.regex.Pattern.compile("http://localhost:8080/s/([A-Za-z0-9_-]{43})");

    /** A fresh mobile number, so each test finds its own messages at the provider. */
    protected static String newPhone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
    }

    /** Sends a visit's link by SMS (through the provider stand-in) and returns the token the customer received. */
    protected String smsLinkToken(String tenant, String visitId) {
        String phone = newPhone();
        http.post().uri("/api/surveys/links").headers(h -> h.setBearerAuth(agent(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitId", visitId, "channel", "SMS", "to", phone)).exchange()
                .expectStatus().isCreated();
        List<FakeAliyunSms.Sent> sent = SMS_PROVIDER.sentTo(phone);
        if (sent.isEmpty()) {
            throw new AssertionError("no SMS reached the provider for the link; rejected: " + SMS_PROVIDER.rejections());
        }
        String link = sent.get(sent.size() - 1).templateParam().get("link");
        java.util.regex.Matcher m = LINK_IN_MESSAGE.matcher(link == null ? "" : link);
        if (!m.find()) {
            throw new AssertionError("the SMS holds no link: " + sent);
        }
        return m.group(1);
    }

    protected long responsesOf(String tenant) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)),
                "responses").block();
    }

    /**
     * The events on {@code topic} that match, read from the beginning until {@code atLeast} were found, then for a
     * further second, so that an unexpected extra one is seen too.
     */
    protected static List<EventEnvelope> published(String topic, java.util.function.Predicate<EventEnvelope> match,
                                                   int atLeast) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "survey-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<EventEnvelope> found = new java.util.ArrayList<>();
            java.util.function.Consumer<Duration> poll = d -> {
                for (ConsumerRecord<String, String> r : consumer.poll(d)) {
                    EventEnvelope envelope = EventJson.read(r.value());
                    if (match.test(envelope)) {
                        found.add(envelope);
                    }
                }
            };
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll.accept(Duration.ofMillis(300));
                return found.size() >= atLeast;
            });
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                poll.accept(Duration.ofMillis(200));
            }
            return found;
        }
    }

    /** The SurveySubmitted event of a response, as relayed to Kafka through the outbox. */
    protected static SurveySubmitted publishedSubmission(String responseId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "survey-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SURVEYS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(Topics.SURVEYS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            SurveySubmitted[] found = new SurveySubmitted[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    EventEnvelope envelope = EventJson.read(r.value());
                    if ("SurveySubmitted".equals(envelope.type())) {
                        SurveySubmitted s = EventJson.payload(envelope, SurveySubmitted.class);
                        if (s.responseId().equals(responseId)) {
                            found[0] = s;
                        }
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }
}
