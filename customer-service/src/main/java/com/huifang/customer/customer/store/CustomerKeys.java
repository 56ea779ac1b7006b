package com.huifang.customer.customer.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The identity keys of customers, one document per key with the key as {@code _id}: a phone's
 * lookup hash ({@code phone:<hmac>}, already scoped by tenant) or a partner's reference
 * ({@code ref:<tenant>:<partner>:<ref>}). The unique {@code _id} makes "the same person is one
 * customer" hold even for concurrent creates, and finds the owner with one point read (the
 * embedded store builds no secondary indexes).
 *
 * <p>Claims are written before the customer document; a claim whose customer was never written
 * (a crash in between) or was erased is taken over by the next claimant.
 */
@Component
public class CustomerKeys {

    public static final String COLLECTION = "customer_keys";

    private final ReactiveMongoTemplate mongo;

    public CustomerKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String phoneKey(String lookupHash) {
        return "phone:" + lookupHash;
    }

    public static String refKey(String tenantId, String partnerId, String customerRef) {
        return "ref:" + tenantId + ":" + partnerId + ":" + customerRef;
    }

    /** The customer holding {@code key}, if any. */
    public Mono<String> owner(String key) {
        return mongo.findById(key, Document.class, COLLECTION).map(d -> d.getString("customerId"));
    }

    /** The first owner among {@code keys} other than {@code except}. */
    public Mono<String> firstOwner(Collection<String> keys, String except) {
        return Flux.fromIterable(keys).concatMap(this::owner).filter(o -> !o.equals(except)).next();
    }

    /**
     * Claims every key for {@code customerId}.
     *
     * @return the id of a live customer already holding one of them (then nothing stays claimed), or
     *         empty when all are now held by {@code customerId}
     */
    public Mono<Optional<String>> claimAll(String tenantId, String customerId, Collection<String> keys) {
        List<String> claimed = new ArrayList<>();
        return Flux.fromIterable(keys)
                .concatMap(key -> claim(tenantId, customerId, key)
                        .map(owner -> {
                            if (owner.equals(customerId)) {
                                claimed.add(key);
                            }
                            return owner;
                        }))
                .filter(owner -> !owner.equals(customerId))
                .next()
                .flatMap(other -> release(customerId, claimed).thenReturn(Optional.of(other)))
                .defaultIfEmpty(Optional.empty());
    }

    /** The owner of {@code key} after trying to claim it. */
    private Mono<String> claim(String tenantId, String customerId, String key) {
        Document doc = new Document("_id", key).append("tenantId", tenantId).append("customerId", customerId);
        return mongo.insert(doc, COLLECTION).thenReturn(customerId)
                .onErrorResume(DuplicateKeyException.class, dup -> owner(key)
                        .flatMap(owner -> owner.equals(customerId) ? Mono.just(owner) : live(tenantId, owner)
                                .flatMap(alive -> alive ? Mono.just(owner) : takeOver(key, owner, customerId)))
                        .switchIfEmpty(Mono.defer(() -> claim(tenantId, customerId, key))));
    }

    private Mono<Boolean> live(String tenantId, String customerId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(customerId).and("tenantId").is(tenantId)
                .and("erasedAt").is(null)), CustomerDocument.class);
    }

    private Mono<String> takeOver(String key, String from, String to) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("customerId").is(from)),
                        Update.update("customerId", to), COLLECTION)
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(to) : owner(key).defaultIfEmpty(to));
    }

    /** Releases the keys {@code customerId} holds among {@code keys}. */
    public Mono<Void> release(String customerId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return mongo.remove(Query.query(Criteria.where("_id").in(keys).and("customerId").is(customerId)), COLLECTION)
                .then();
    }
}
