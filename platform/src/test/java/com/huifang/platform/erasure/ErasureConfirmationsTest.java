package com.huifang.platform.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.platform.audit.AuditTrail;
import com.huifang.testsupport.TestInfrastructure;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Confirmations on the real embedded store: one stand-alone outbox entry per service and request. */
class ErasureConfirmationsTest {

    static final Instant T = Instant.parse("2026-05-06T03:00:00Z");

    final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(MongoClients.create(TestInfrastructure.mongoUri()),
            "erasure-" + UUID.randomUUID().toString().substring(0, 8));
    final ErasureConfirmations confirmations = new ErasureConfirmations("survey-service",
            Clock.fixed(T, ZoneOffset.UTC), mongo);

    @Test
    void aConfirmationIsOneOutboxEntryWithTheServiceTheRequestAndTheCount() {
        confirmations.confirm("tenant-a", "corr-1", new CustomerErased("c-1", "er-1", T), 3).block();

        List<Document> docs = mongo.findAll(Document.class, AuditTrail.COLLECTION).collectList().block();
        assertThat(docs).hasSize(1);
        List<Document> outbox = docs.get(0).getList("outbox", Document.class);
        assertThat(outbox).hasSize(1);
        EventEnvelope envelope = EventJson.read(outbox.get(0).getString("envelope"));
        assertThat(envelope.type()).isEqualTo("CustomerErasureConfirmed");
        assertThat(envelope.tenantId()).isEqualTo("tenant-a");
        assertThat(envelope.eventId()).isEqualTo(ErasureConfirmations.eventIdFor("survey-service", "c-1", "er-1"));
        assertThat(EventJson.payload(envelope, CustomerErasureConfirmed.class))
                .isEqualTo(new CustomerErasureConfirmed("c-1", "er-1", "survey-service", 3, T));
    }

    @Test
    void aReplayedErasureConfirmsOnceAndADifferentRequestConfirmsAgain() {
        CustomerErased erased = new CustomerErased("c-1", "er-1", T);
        confirmations.confirm("tenant-a", "corr-1", erased, 3).block();
        confirmations.confirm("tenant-a", "corr-1", erased, 0).block();
        confirmations.confirm("tenant-a", "corr-2", new CustomerErased("c-1", "er-2", T), 0).block();

        assertThat(mongo.count(new Query(), AuditTrail.COLLECTION).block()).isEqualTo(2);
        assertThat(ErasureConfirmations.eventIdFor("schedule-service", "c-1", "er-1"))
                .isNotEqualTo(ErasureConfirmations.eventIdFor("survey-service", "c-1", "er-1"));
    }
}
