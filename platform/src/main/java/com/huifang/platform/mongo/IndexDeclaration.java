package com.huifang.platform.mongo;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The indexes one feature's queries need, created explicitly at start-up (never implicitly from
 * annotations). Declare every index real MongoDB needs, even where the embedded store ignores
 * non-unique ones.
 */
@FunctionalInterface
public interface IndexDeclaration {

    Mono<Void> ensure(ReactiveMongoTemplate mongo);
}
