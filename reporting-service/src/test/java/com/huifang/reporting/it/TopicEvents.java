package com.huifang.reporting.it;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what was published on a topic, from its beginning, as the services' consumers would see it. */
final class TopicEvents {

    private TopicEvents() {
    }

    /**
     * Every envelope on {@code topic} that {@code wanted} accepts, read until {@code expected} arrived and
     * then {@code settle} longer (a duplicate would show up), or until 30 s passed.
     */
    static List<EventEnvelope> read(String topic, Predicate<EventEnvelope> wanted, int expected, Duration settle) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-check-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long until = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, until)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope e;
                    try {
                        e = EventJson.read(r.value());
                    } catch (EventJson.MalformedEventException poison) {
                        continue; // other tests send poison messages on purpose
                    }
                    if (wanted.test(e)) {
                        found.add(e);
                    }
                }
                if (found.size() >= expected && until == Long.MAX_VALUE) {
                    until = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return found;
    }
}
