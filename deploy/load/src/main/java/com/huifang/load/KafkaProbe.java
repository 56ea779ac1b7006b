package com.huifang.load;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The physical limit of ingestion on this machine: one producer sending records the size of an
 * event envelope, with the services' own durability settings (acks=all, idempotent), to a scratch
 * topic on the same broker, as fast as it can.
 */
public final class KafkaProbe {

    public record Result(long records, int recordBytes, double seconds) {
        public double recordsPerSecond() {
            return records / seconds;
        }

        public double megabytesPerSecond() {
            return records * (double) recordBytes / seconds / 1e6;
        }
    }

    static Result producerRate(String bootstrap, long records, int recordBytes) throws Exception {
        String topic = "huifang.load-probe-" + System.currentTimeMillis();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            byte[] value = new byte[recordBytes];
            java.util.Arrays.fill(value, (byte) 'x');
            long start;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
                producer.partitionsFor(topic); // metadata before the clock starts
                start = System.nanoTime();
                for (long i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, Long.toString(i % 10_000).getBytes(), value));
                }
                producer.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            a.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            return new Result(records, recordBytes, seconds);
        }
    }

    private KafkaProbe() {
    }
}
