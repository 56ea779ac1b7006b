package com.huifang.e2e;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same walking skeleton on real MongoDB 7 (a single-node replica set) and an Apache Kafka
 * image, wherever a Docker engine exists; skipped cleanly where none does.
 */
@Testcontainers(disabledWithoutDocker = true)
class WalkingSkeletonContainersTest extends WalkingSkeletonFlow {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Override
    String kafkaBootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    String mongoUri() {
        return MONGO.getReplicaSetUrl();
    }
}
