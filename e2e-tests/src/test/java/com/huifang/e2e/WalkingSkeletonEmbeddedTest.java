package com.huifang.e2e;

import com.huifang.testsupport.TestInfrastructure;

/** The walking skeleton on the embedded default: a real KRaft broker and the MongoDB-wire store. */
class WalkingSkeletonEmbeddedTest extends WalkingSkeletonFlow {

    @Override
    String kafkaBootstrapServers() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    @Override
    String mongoUri() {
        return TestInfrastructure.mongoUri();
    }
}
