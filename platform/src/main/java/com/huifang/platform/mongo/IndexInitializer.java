package com.huifang.platform.mongo;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Creates every declared index while the application starts, on the start-up thread (not a
 * reactive one), so that no request is served before unique constraints exist.
 */
public class IndexInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

    private final ReactiveMongoTemplate mongo;
    private final List<IndexDeclaration> declarations;

    public IndexInitializer(ReactiveMongoTemplate mongo, List<IndexDeclaration> declarations) {
        this.mongo = mongo;
        this.declarations = declarations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flux.fromIterable(declarations).concatMap(d -> d.ensure(mongo)).then().block(Duration.ofSeconds(60));
        log.info("Ensured {} index declarations", declarations.size());
    }
}
