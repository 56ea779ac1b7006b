package com.huifang.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.testsupport.MutableClock;
import com.huifang.testsupport.TestInfrastructure;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The purge against the MongoDB-wire store, time moved by a clock: exactly what expired goes. */
class RetentionPurgeTest {

    private static final Instant NOW = Instant.parse("2029-06-01T02:00:00Z");
    private static MongoClient client;
    private ReactiveMongoTemplate mongo;
    private MutableClock clock;
    private SimpleMeterRegistry registry;
    private RetentionSettings settings;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new ReactiveMongoTemplate(client, "retention-" + UUID.randomUUID());
        clock = new MutableClock(NOW);
        registry = new SimpleMeterRegistry();
        settings = new RetentionSettings(mongo, Duration.ofDays(1095));
    }

    private RetentionPurge purge(List<RetentionTarget> targets) {
        return new RetentionPurge(mongo, targets, settings, clock, Duration.ofHours(24), registry);
    }

    private void insert(String collection, String id, String tenant, Instant endedAt, String state) {
        mongo.insert(new Document("_id", id).append("tenantId", tenant).append("endedAt", Date.from(endedAt))
                .append("state", state).append("notes", "说过 13812345678").append("score", 4), collection).block();
    }

    private List<String> ids(String collection) {
        List<String> out = new ArrayList<>();
        mongo.find(new Query(), Document.class, collection).map(d -> d.getString("_id")).toIterable().forEach(out::add);
        return out;
    }

    @Test
    void deletesExactlyWhatOutlivedEachTenantsRetention() {
        // tenant a keeps 1 year (legal minimum 180 days); tenant b never set one: the default 3 years
        settings.apply(new TenantRetentionChanged("a", 365, 180, 1, NOW)).block();
        insert("visits", "a-old", "a", NOW.minus(Duration.ofDays(366)), "COMPLETED");
        insert("visits", "a-edge", "a", NOW.minus(Duration.ofDays(365)), "COMPLETED");
        insert("visits", "a-open", "a", NOW.minus(Duration.ofDays(900)), "DUE");
        insert("visits", "b-2y", "b", NOW.minus(Duration.ofDays(2 * 365)), "COMPLETED");
        insert("visits", "b-4y", "b", NOW.minus(Duration.ofDays(4 * 365)), "COMPLETED");

        RetentionPurge.Report report = purge(List.of(RetentionTarget.delete("visits", "endedAt",
                Criteria.where("state").in("COMPLETED", "FAILED", "CANCELLED", "REFUSED")))).purgeIfDue().block();

        assertThat(report.ran()).isTrue();
        assertThat(ids("visits")).containsExactlyInAnyOrder("a-edge", "a-open", "b-2y");
        assertThat(report.deleted()).containsEntry("visits", 2L);
        assertThat(registry.counter("huifang.retention.purged", "collection", "visits", "action", "deleted").count())
                .isEqualTo(2.0);
    }

    @Test
    void anonymisingKeepsTheFactsAndDropsTheWordsOnce() {
        insert("facts", "f-old", "b", NOW.minus(Duration.ofDays(1200)), "COMPLETED");
        insert("facts", "f-new", "b", NOW.minus(Duration.ofDays(10)), "COMPLETED");
        RetentionPurge purge = purge(List.of(RetentionTarget.anonymise("facts", "endedAt", null, "notes")));

        assertThat(purge.purgeIfDue().block().anonymised()).containsEntry("facts", 1L);
        Document old = mongo.findById("f-old", Document.class, "facts").block();
        assertThat(old).doesNotContainKey("notes").containsEntry("score", 4).containsKey("anonymisedAt");
        assertThat(mongo.findById("f-new", Document.class, "facts").block()).containsKey("notes");

        clock.advance(Duration.ofDays(1));
        assertThat(purge.purgeIfDue().block().anonymised()).as("already anonymised: untouched").containsEntry("facts", 0L);
    }

    @Test
    void firesOncePerPeriodAcrossInstances() {
        insert("visits", "old", "b", NOW.minus(Duration.ofDays(2000)), "COMPLETED");
        List<RetentionTarget> targets = List.of(RetentionTarget.delete("visits", "endedAt"));
        RetentionPurge one = purge(targets);
        RetentionPurge two = purge(targets);

        assertThat(one.purgeIfDue().block().ran()).isTrue();
        assertThat(two.purgeIfDue().block().ran()).as("same period, other instance").isFalse();
        assertThat(one.purgeIfDue().block().ran()).as("same period, same instance").isFalse();

        clock.advance(Duration.ofHours(24));
        insert("visits", "old-2", "b", NOW.minus(Duration.ofDays(2000)), "COMPLETED");
        assertThat(two.purgeIfDue().block().ran()).as("next period").isTrue();
        assertThat(one.purgeIfDue().block().ran()).isFalse();
        assertThat(ids("visits")).isEmpty();
    }

    @Test
    void anOlderRuleNeverReplacesANewerOne() {
        settings.apply(new TenantRetentionChanged("a", 2000, 1095, 3, NOW)).block();
        settings.apply(new TenantRetentionChanged("a", 400, 180, 2, NOW)).block();
        assertThat(settings.byTenant().block()).containsEntry("a", Duration.ofDays(2000));
        settings.apply(new TenantRetentionChanged("a", 1500, 1095, 4, NOW)).block();
        assertThat(settings.byTenant().block()).containsEntry("a", Duration.ofDays(1500));
    }
}
