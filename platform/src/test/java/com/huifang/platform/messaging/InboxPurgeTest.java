package com.huifang.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.contracts.EventJson;
import com.huifang.contracts.Topics;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Processed-event markers live for the retention, then the purge deletes exactly those that expired. */
class InboxPurgeTest {

    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    final ReactiveMongoTemplate mongo = RelayTestStores.mongo("inbox-purge-" + UUID.randomUUID());
    final MutableClock clock = new MutableClock(T0);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Inbox inbox = new Inbox(mongo, clock, registry, Duration.ofSeconds(30));
    final InboxPurge purge = new InboxPurge(mongo, clock, Duration.ofDays(14), registry);

    @Test
    void anEventOfATypeTheHandlerDoesNotTakeIsSkippedWithoutAMarker() {
        var consent = EventJson.envelope(new CustomerConsentChanged("c-1", List.of("PHONE"), false, "call", T0),
                "tenant-a", "corr", T0);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.CUSTOMERS, 0, 0L, "c-1",
                EventJson.write(consent));
        List<String> seen = new ArrayList<>();

        inbox.accept(record, "only-erasures", java.util.Set.of("CustomerErased"),
                e -> Mono.fromRunnable(() -> seen.add(e.type())));
        assertThat(seen).isEmpty();
        assertThat(markers()).isEmpty();

        inbox.accept(record, "consents", java.util.Set.of("CustomerConsentChanged"),
                e -> Mono.fromRunnable(() -> seen.add(e.type())));
        inbox.accept(record, "consents", java.util.Set.of("CustomerConsentChanged"),
                e -> Mono.fromRunnable(() -> seen.add(e.type())));
        assertThat(seen).containsExactly("CustomerConsentChanged");
        assertThat(markers()).hasSize(1);
    }

    @Test
    void markersOlderThanTheRetentionGoAndTheOthersStay() {
        // markers written on days 0, 1, 5 and 10
        List<String> day0 = process(2);
        clock.advance(Duration.ofDays(1));
        List<String> day1 = process(1);
        clock.advance(Duration.ofDays(4));
        List<String> day5 = process(1);
        clock.advance(Duration.ofDays(5));
        List<String> day10 = process(1);

        // day 14 exactly: the day-0 markers are 14 days old, not older: all stay
        clock.set(T0.plus(Duration.ofDays(14)));
        assertThat(purge.purgeOnce().block()).isZero();
        assertThat(markers()).hasSize(5);

        // a second later the day-0 markers are past the retention
        clock.advance(Duration.ofSeconds(1));
        assertThat(purge.purgeOnce().block()).isEqualTo(2);
        assertThat(markers()).containsExactlyInAnyOrderElementsOf(concat(day1, day5, day10));

        // day 20: days 1 and 5 expired, day 10 stays
        clock.set(T0.plus(Duration.ofDays(20)));
        assertThat(purge.purgeOnce().block()).isEqualTo(2);
        assertThat(markers()).containsExactlyInAnyOrderElementsOf(day10);
        assertThat(registry.counter("huifang.inbox.purged").count()).isEqualTo(4.0);
        assertThat(day0).hasSize(2);
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InboxPurge(mongo, clock, Duration.ZERO, registry))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Events handled through the real inbox now; returns their marker ids. */
    private List<String> process(int events) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            var envelope = EventJson.envelope(new CustomerConsentChanged("c-" + UUID.randomUUID(), List.of(), false,
                    "test", clock.instant()), "t-1", "corr", clock.instant());
            inbox.accept(new ConsumerRecord<>(Topics.CUSTOMERS, 0, 0, "k", EventJson.write(envelope)), "test-handler",
                    e -> Mono.empty());
            ids.add("test-handler:" + envelope.eventId());
        }
        return ids;
    }

    private List<String> markers() {
        return mongo.find(new Query(), Document.class, Inbox.COLLECTION).map(d -> d.getString("_id")).collectList().block();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
