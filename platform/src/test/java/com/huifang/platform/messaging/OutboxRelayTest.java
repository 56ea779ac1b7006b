package com.huifang.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.huifang.platform.audit.AuditTrail;
import com.huifang.platform.task.PeriodicTask;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay on the real embedded broker and store: several instances, leases, crashes,
 * a broker that refuses, and the stand-alone audit entries it deletes once relayed.
 */
class OutboxRelayTest {

    static final String THINGS = "things";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String topic = "relay-test-" + run;
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void freshDatabaseAndTopic() throws Exception {
        mongo = RelayTestStores.mongo("relay-" + run);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        try (AdminClient admin = AdminClient.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        // the index the relay's pending query reads; the embedded store must accept its declaration
        for (String c : List.of(THINGS, AuditTrail.COLLECTION)) {
            mongo.indexOps(c).ensureIndex(OutboxRelay.pendingIndex()).block(Duration.ofSeconds(30));
        }
    }

    @Test
    void twoInstancesWithLeasesSendEveryEntryExactlyOnceAndInOrderPerKey() {
        int docs = 300;
        int perDoc = 3;
        insertThings(docs, perDoc);

        Measured m = relayWithTwoInstances(Duration.ofSeconds(30));

        assertThat(m.distinct).as("every entry sent (at least once)").hasSize(docs * perDoc);
        assertThat(m.records).as("no entry sent twice").isEqualTo(docs * perDoc);
        assertInOrderPerKey(m.all);
        assertThat(pending(THINGS)).isZero();
        assertThat(mongo.count(new Query(Criteria.where(OutboxRelay.LEASE).exists(true)), THINGS).block())
                .as("every lease released").isZero();
        System.out.printf("RELAY FIGURES: 2 instances with a 30 s lease: %d records for %d entries, %d duplicates%n",
                m.records, m.distinct.size(), m.records - m.distinct.size());
    }

    /**
     * The same two instances with a lease that ends at once: both relay the same documents, as
     * before leases existed. A measurement to compare with (not asserted beyond at-least-once):
     * nothing is lost either way.
     */
    @Test
    void withoutAnEffectiveLeaseTwoInstancesStillLoseNothing() {
        int docs = 300;
        int perDoc = 3;
        insertThings(docs, perDoc);

        Measured m = relayWithTwoInstances(Duration.ZERO);

        assertThat(m.distinct).as("every entry sent (at least once)").hasSize(docs * perDoc);
        assertThat(pending(THINGS)).isZero();
        System.out.printf("RELAY FIGURES: 2 instances without an effective lease: %d records for %d entries, "
                + "%d duplicates (%.1f %%)%n", m.records, m.distinct.size(), m.records - m.distinct.size(),
                100.0 * (m.records - m.distinct.size()) / m.distinct.size());
    }

    @Test
    void aDeadOwnersLeaseHoldsTheDocumentUntilItExpiresThenAnotherInstanceSendsIt() {
        MutableClock leaseClock = new MutableClock(Instant.now());
        Document doc = thing("held", 2);
        doc.append(OutboxRelay.LEASE, new Document("owner", "killed-instance")
                .append("until", Date.from(leaseClock.instant().plusSeconds(30))));
        mongo.insert(doc, THINGS).block();
        OutboxRelay relay = relay("survivor", Duration.ofSeconds(30), leaseClock, kafka());

        assertThat(relay.relayOnce().block()).as("a live lease of another instance is respected").isZero();
        assertThat(pending(THINGS)).isOne();

        leaseClock.advance(Duration.ofSeconds(31));
        assertThat(relay.relayOnce().block()).as("the expired lease is taken over").isEqualTo(2);
        assertThat(pending(THINGS)).isZero();
        assertThat(RelayTestStores.readAll(topic)).extracting(ConsumerRecord::value)
                .containsExactly("held-0", "held-1");
    }

    @Test
    void whenTheBrokerRefusesNothingIsPulledAndTheLeaseIsReleasedForTheNextTry() {
        insertThings(2, 2);
        KafkaTemplate<String, String> nowhere = RelayTestStores.kafka("127.0.0.1:1",
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500));
        try {
            OutboxRelay down = relay("a", Duration.ofSeconds(30), Clock.systemUTC(), nowhere);
            assertThat(down.relayOnce().block(Duration.ofSeconds(60))).isZero();
        } finally {
            nowhere.destroy();
        }
        assertThat(pending(THINGS)).isEqualTo(2);
        assertThat(mongo.count(new Query(Criteria.where(OutboxRelay.LEASE).exists(true)), THINGS).block()).isZero();

        // the broker is back: another instance relays everything at once (no lease is in its way)
        assertThat(relay("b", Duration.ofSeconds(30), Clock.systemUTC(), kafka()).relayOnce().block()).isEqualTo(4);
        assertThat(RelayTestStores.readAll(topic)).hasSize(4);
    }

    @Test
    void aRelayedStandaloneAuditEntryIsDeletedWhileOtherDocumentsKeepTheirEmptyOutbox() {
        insertThings(1, 1);
        for (int i = 0; i < 3; i++) {
            mongo.insert(thing("audit-" + i, 1), AuditTrail.COLLECTION).block();
        }
        assertThat(relay("a", Duration.ofSeconds(30), Clock.systemUTC(), kafka()).relayOnce().block()).isEqualTo(4);

        assertThat(mongo.count(new Query(), AuditTrail.COLLECTION).block()).as("drained audit entries deleted").isZero();
        assertThat(mongo.count(new Query(), THINGS).block()).as("a changed document stays").isOne();
        assertThat(pending(THINGS)).isZero();
        assertThat(RelayTestStores.readAll(topic)).hasSize(4);
    }

    @Test
    void anEntryAddedWhileTheDocumentIsRelayedIsKeptForTheNextPass() {
        insertThings(1, 1);
        OutboxRelay relay = relay("a", Duration.ofSeconds(30), Clock.systemUTC(), kafka());
        assertThat(relay.relayOnce().block()).isOne();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("doc-0")),
                new org.springframework.data.mongodb.core.query.Update().push(OutboxRelay.FIELD, entry("doc-0", 7)),
                THINGS).block();
        assertThat(pending(THINGS)).isOne();
        assertThat(relay.relayOnce().block()).isOne();
        assertThat(RelayTestStores.readAll(topic)).extracting(ConsumerRecord::value).containsExactly("doc-0-0", "doc-0-7");
    }

    // --- helpers

    record Measured(int records, Set<String> distinct, List<ConsumerRecord<String, String>> all) {
    }

    private Measured relayWithTwoInstances(Duration lease) {
        KafkaTemplate<String, String> kafka = kafka();
        MeterRegistry registry = new SimpleMeterRegistry();
        List<PeriodicTask> tasks = new ArrayList<>();
        for (String owner : List.of("one", "two")) {
            OutboxRelay relay = relay(owner, lease, Clock.systemUTC(), kafka);
            tasks.add(new PeriodicTask("relay-" + owner, Duration.ofMillis(20), relay::relayOnce, registry));
        }
        try {
            tasks.forEach(PeriodicTask::start);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> pending(THINGS) == 0);
        } finally {
            tasks.forEach(PeriodicTask::stop);
            kafka.destroy();
        }
        List<ConsumerRecord<String, String>> all = RelayTestStores.readAll(topic);
        Set<String> distinct = new HashSet<>();
        all.forEach(r -> distinct.add(r.value()));
        return new Measured(all.size(), distinct, all);
    }

    private static void assertInOrderPerKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(r.value().substring(r.value().lastIndexOf('-') + 1)));
        }
        byKey.forEach((key, seq) -> assertThat(seq).as("order of " + key).isSorted());
    }

    private OutboxRelay relay(String owner, Duration lease, Clock leaseClock, KafkaTemplate<String, String> kafka) {
        return new OutboxRelay(mongo, kafka, OutboxCollections.of(THINGS, AuditTrail.COLLECTION),
                Set.of(AuditTrail.COLLECTION), 200, lease, leaseClock, owner, new SimpleMeterRegistry());
    }

    private KafkaTemplate<String, String> kafka() {
        return RelayTestStores.kafka();
    }

    private long pending(String collection) {
        return mongo.count(new Query(Criteria.where(OutboxRelay.PENDING_KEY).exists(true)), collection).block();
    }

    private void insertThings(int docs, int perDoc) {
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            all.add(thing("doc-" + i, perDoc));
        }
        mongo.insert(all, THINGS).collectList().block(Duration.ofSeconds(60));
    }

    private Document thing(String id, int entries) {
        List<Document> outbox = new ArrayList<>();
        for (int j = 0; j < entries; j++) {
            outbox.add(entry(id, j));
        }
        return new Document("_id", id).append("state", "CHANGED").append(OutboxRelay.FIELD, outbox);
    }

    /** An entry as {@link OutboxEntry} stores it; its envelope names the document and its sequence. */
    private Document entry(String id, int seq) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", "Test");
        e.put("topic", topic);
        e.put("key", id);
        e.put("envelope", id + "-" + seq);
        e.put("createdAt", new Date());
        return new Document(e);
    }
}
