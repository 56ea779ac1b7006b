package com.huifang.platform.mongo;

import java.math.BigDecimal;
import java.util.Objects;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A service's local copies of another service's data, fed by events where the highest version wins
 * (customer profiles, tenant calendars, retention rules): one collection, one document per copy id.
 * <p>
 * {@link #offer} applies an update only when the stored version is lower (or there is none yet) and the
 * copy is not sealed, as one conditional upsert: a replayed, older or equal version, and the loser of a
 * concurrent race, are no-ops, never errors. {@link #seal} blanks a copy for good (a customer's erasure):
 * the document stays, marked, so that no profile delivered later, whatever its version, brings the data
 * back.
 * <p>
 * Why an upsert and a look on collision: when the conditional query matches nothing the upsert tries to
 * insert the id; if a copy exists (newer, equal or sealed) that insert collides and the offer is stale. If
 * two writers both found no copy, the loser's insert collides too although its version may be the higher
 * one: so on a collision the stored copy is read, and the offer is tried once more when it is still older.
 * <p>
 * Single-document operations only (the embedded store has no transactions); keep the document shape of
 * the copy as it is: this class adds no field but the version and, on {@link #seal}, the seal mark.
 *
 * @param <T> the mapped document type the collection is read as
 */
public final class VersionedCopies<T> {

    private final ReactiveMongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final String versionField;
    private final String sealedField;

    private VersionedCopies(ReactiveMongoTemplate mongo, Class<T> type, String collection, String versionField,
                            String sealedField) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.type = Objects.requireNonNull(type, "type");
        this.collection = collection;
        this.versionField = Objects.requireNonNull(versionField, "versionField");
        this.sealedField = sealedField;
    }

    /**
     * Copies stored as {@code type} (its mapped collection), versioned by {@code versionField} (a stored field
     * name; the version is stored with the Java type it is offered in, so an {@code int} stays an int32).
     */
    public static <T> VersionedCopies<T> of(ReactiveMongoTemplate mongo, Class<T> type, String versionField) {
        return new VersionedCopies<>(mongo, type, null, versionField, null);
    }

    /** The same copies kept in the named collection instead of {@code type}'s own. */
    public VersionedCopies<T> in(String collection) {
        return new VersionedCopies<>(mongo, type, Objects.requireNonNull(collection, "collection"), versionField,
                sealedField);
    }

    /** The same copies, sealable: {@code field} (boolean) true means blanked for good. */
    public VersionedCopies<T> sealedBy(String field) {
        return new VersionedCopies<>(mongo, type, collection, versionField, Objects.requireNonNull(field, "field"));
    }

    /**
     * What an offer did.
     *
     * @param applied whether the update was written (false: stale, equal, sealed, or lost a race to a newer one)
     * @param before  the copy as it was before an applied update; null when there was none (or not applied)
     */
    public record Outcome<T>(boolean applied, T before) {

        static <T> Outcome<T> ignored() {
            return new Outcome<>(false, null);
        }
    }

    /**
     * Applies {@code update}, plus the version itself, to copy {@code id} when the stored version is lower
     * than {@code version} (or absent) and the copy is not sealed; inserts the copy when there is none.
     * Put fields that only a new copy needs (tenant, owner ids) in {@code setOnInsert}; the version is added to
     * {@code update} here.
     */
    public Mono<Outcome<T>> offer(String id, Number version, Update update) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Criteria match = Criteria.where("_id").is(id).orOperator(Criteria.where(versionField).lt(version),
                Criteria.where(versionField).exists(false));
        if (sealedField != null) {
            match = match.and(sealedField).ne(true);
        }
        Query query = Query.query(match);
        update.set(versionField, version);
        Mono<Outcome<T>> attempt = findAndModify(query, update)
                .map(before -> new Outcome<>(true, before))
                .defaultIfEmpty(new Outcome<>(true, null));
        return attempt
                // the copy exists and the query did not match it: stale, unless a lower first copy won the insert
                .onErrorResume(DuplicateKeyException.class, collision -> storedIsOlder(id, version)
                        .flatMap(older -> older ? attempt : Mono.just(Outcome.<T>ignored())))
                .onErrorResume(DuplicateKeyException.class, stale -> Mono.just(Outcome.ignored()));
    }

    /** Whether copy {@code id} is (still) one that {@code version} replaces: absent, unversioned or lower, unsealed. */
    private Mono<Boolean> storedIsOlder(String id, Number version) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include(versionField);
        if (sealedField != null) {
            byId.fields().include(sealedField);
        }
        return mongo.findOne(byId, Document.class, collection())
                .map(stored -> !Boolean.TRUE.equals(sealedField == null ? null : stored.get(sealedField))
                        && (!(stored.get(versionField) instanceof Number v) || compare(v, version) < 0))
                .defaultIfEmpty(true);
    }

    private static int compare(Number a, Number b) {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }

    private String collection() {
        return collection == null ? mongo.getCollectionName(type) : collection;
    }

    /**
     * Seals copy {@code id} for good: {@code blank} (unset what must go; {@code setOnInsert} what a copy sealed
     * before it was ever offered needs) and the seal mark, upserting, so that a copy offered later can never
     * bring the data back. The version is left as it is (the seal mark is added to {@code blank} here). Idempotent.
     *
     * @return the copy as it was before (already sealed for a replay); empty when there was none
     */
    public Mono<T> seal(String id, Update blank) {
        if (sealedField == null) {
            throw new IllegalStateException("copies of " + type.getSimpleName() + " are not sealable");
        }
        Objects.requireNonNull(id, "id");
        blank.set(sealedField, true);
        // two concurrent seals of an absent copy: the loser's insert collides once, then matches
        return once(findAndModify(Query.query(Criteria.where("_id").is(id)), blank));
    }

    private Mono<T> findAndModify(Query query, Update update) {
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(false);
        return Mono.defer(() -> collection == null
                ? mongo.findAndModify(query, update, upsert, type)
                : mongo.findAndModify(query, update, upsert, type, collection));
    }

    private static <R> Mono<R> once(Mono<R> write) {
        return write.onErrorResume(DuplicateKeyException.class, collision -> write);
    }
}
