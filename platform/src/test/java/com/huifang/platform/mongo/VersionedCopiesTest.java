package com.huifang.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.testsupport.TestInfrastructure;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import reactor.core.publisher.Mono;

/** Highest version wins, sealed stays sealed: against the MongoDB-wire store, with writers racing. */
class VersionedCopiesTest {

    private static MongoClient client;
    private String database;
    private ReactiveMongoTemplate mongo;
    private VersionedCopies<Copy> copies;

    @org.springframework.data.mongodb.core.mapping.Document("copies")
    static class Copy {
        @Id
        public String id;
        public String tenantId;
        public String name;
        public int version;
        public boolean erased;
    }

    record Rule(String id, int days, int version) {
    }

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
        database = "copies-" + UUID.randomUUID();
        mongo = new ReactiveMongoTemplate(client, database);
        copies = VersionedCopies.of(mongo, Copy.class, "version").sealedBy("erased");
    }

    private VersionedCopies.Outcome<Copy> offer(String id, int version, String name) {
        return copies.offer(id, version, new Update().setOnInsert("tenantId", "t1").set("name", name)).block();
    }

    private Copy stored(String id) {
        return mongo.findById(id, Copy.class).block();
    }

    @Test
    void absentCopyIsInserted() {
        VersionedCopies.Outcome<Copy> outcome = offer("c1", 3, "张先生");

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.before()).isNull();
        Copy copy = stored("c1");
        assertThat(copy.tenantId).isEqualTo("t1");
        assertThat(copy.name).isEqualTo("张先生");
        assertThat(copy.version).isEqualTo(3);
    }

    @Test
    void newerVersionReplacesTheCopyAndReportsTheOldOne() {
        offer("c1", 1, "张先生");

        VersionedCopies.Outcome<Copy> outcome = offer("c1", 2, "张女士");

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.before().name).isEqualTo("张先生");
        assertThat(stored("c1").name).isEqualTo("张女士");
        assertThat(stored("c1").version).isEqualTo(2);
    }

    @Test
    void staleAndEqualVersionsChangeNothingAndRaiseNothing() {
        offer("c1", 5, "张先生");

        assertThat(offer("c1", 4, "李先生").applied()).isFalse();
        assertThat(offer("c1", 5, "王先生").applied()).isFalse();

        assertThat(stored("c1").name).isEqualTo("张先生");
        assertThat(stored("c1").version).isEqualTo(5);
    }

    @Test
    void copyWithoutAVersionFieldCountsAsOlder() {
        mongo.insert(new Document("_id", "c1").append("name", "old"), "copies").block();

        assertThat(offer("c1", 1, "new").applied()).isTrue();
        assertThat(stored("c1").name).isEqualTo("new");
    }

    @Test
    void sealedCopyStaysBlankWhateverVersionComesLater() {
        offer("c1", 2, "张先生");

        Copy before = copies.seal("c1", new Update().unset("name")).block();

        assertThat(before.name).isEqualTo("张先生");
        assertThat(before.erased).isFalse();
        assertThat(offer("c1", 3, "张先生").applied()).isFalse();
        assertThat(offer("c1", Integer.MAX_VALUE, "张先生").applied()).isFalse();
        Copy copy = stored("c1");
        assertThat(copy.erased).isTrue();
        assertThat(copy.name).isNull();
        assertThat(copy.version).as("the version is kept").isEqualTo(2);
        assertThat(mongo.findById("c1", Document.class, "copies").block()).doesNotContainKey("name");
    }

    @Test
    void sealingBeforeAnyCopyKeepsTheLaterCopyOut() {
        Copy before = copies.seal("c1", new Update().setOnInsert("tenantId", "t1").unset("name")).block();

        assertThat(before).isNull();
        assertThat(offer("c1", 1, "张先生").applied()).isFalse();
        Copy copy = stored("c1");
        assertThat(copy.erased).isTrue();
        assertThat(copy.tenantId).isEqualTo("t1");
        assertThat(copy.name).isNull();
    }

    @Test
    void aReplayedSealFindsTheCopySealedAlready() {
        offer("c1", 1, "张先生");
        copies.seal("c1", new Update().unset("name")).block();

        Copy again = copies.seal("c1", new Update().unset("name")).block();

        assertThat(again.erased).isTrue();
        assertThat(again.name).isNull();
    }

    @Test
    void copiesInANamedCollectionAsRecords() {
        VersionedCopies<Rule> rules = VersionedCopies.of(mongo, Rule.class, "version").in("rules");

        assertThat(rules.offer("t1", 2, new Update().set("days", 365)).block().applied()).isTrue();
        assertThat(rules.offer("t1", 1, new Update().set("days", 30)).block().applied()).isFalse();

        assertThat(mongo.findById("t1", Rule.class, "rules").block()).isEqualTo(new Rule("t1", 365, 2));
    }

    @Test
    void concurrentWritersEndOnTheHighestVersionWithoutAnError() throws Exception {
        int versions = 40;
        List<String> ids = List.of("c1", "c2", "c3", "c4", "c5");
        List<Runnable> offers = new ArrayList<>();
        for (String id : ids) {
            for (int v = 1; v <= versions; v++) {
                int version = v;
                offers.add(() -> {
                    VersionedCopies.Outcome<Copy> outcome = offer(id, version, "v" + version);
                    if (outcome.applied() && outcome.before() != null) {
                        assertThat(outcome.before().version).isLessThan(version);
                    }
                });
            }
        }
        Collections.shuffle(offers, new Random(7));
        runRacing(offers);

        for (String id : ids) {
            Copy copy = stored(id);
            assertThat(copy.version).isEqualTo(versions);
            assertThat(copy.name).isEqualTo("v" + versions);
        }
        assertThat(mongo.count(new Query(), Copy.class).block())
                .isEqualTo(ids.size());
    }

    @Test
    void aSealRacingWithOffersEndsSealed() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = "c" + round;
            List<Runnable> writes = new ArrayList<>();
            for (int v = 1; v <= 12; v++) {
                int version = v;
                writes.add(() -> offer(id, version, "张先生"));
            }
            writes.add(() -> copies.seal(id, new Update().setOnInsert("tenantId", "t1").unset("name")).block());
            writes.add(() -> copies.seal(id, new Update().setOnInsert("tenantId", "t1").unset("name")).block());
            Collections.shuffle(writes, new Random(round));
            runRacing(writes);

            Copy copy = stored(id);
            assertThat(copy.erased).isTrue();
            assertThat(copy.name).as("round %d", round).isNull();
        }
    }

    /**
     * Real MongoDB lets two upserts of an absent copy both miss and both insert; the embedded store serialises
     * each collection, so the race is staged here: a first copy of a lower version lands between this offer's
     * query and its insert, whose insert then collides as it would on MongoDB.
     */
    @Test
    void whenTheFirstInsertCollidesWithALowerCopyTheHigherVersionStillWins() {
        ReactiveMongoTemplate racing = new ReactiveMongoTemplate(client, database) {
            private final AtomicBoolean raced = new AtomicBoolean();

            @Override
            public <T> Mono<T> findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
                                             Class<T> entityClass, String collectionName) {
                if (raced.compareAndSet(false, true)) {
                    return insert(new Document("_id", "c1").append("name", "v1").append("version", 1), collectionName)
                            .then(Mono.error(new DuplicateKeyException("E11000 duplicate key error: _id c1")));
                }
                return super.findAndModify(query, update, options, entityClass, collectionName);
            }
        };
        VersionedCopies<Copy> copies = VersionedCopies.of(racing, Copy.class, "version").sealedBy("erased");

        VersionedCopies.Outcome<Copy> outcome = copies.offer("c1", 2, new Update().set("name", "v2")).block();

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.before().version).isEqualTo(1);
        assertThat(stored("c1").name).isEqualTo("v2");
        assertThat(stored("c1").version).isEqualTo(2);
    }

    /** Runs every write on 8 threads released together; rethrows the first failure. */
    private static void runRacing(List<Runnable> writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable w : writes) {
                done.add(pool.submit(() -> {
                    start.await();
                    w.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
