package com.huifang.platform.retention;

import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A collection the daily purge keeps within each tenant's retention: documents (field
 * {@code tenantId}) whose {@code timeField} is older than the tenant's retention are deleted, or —
 * where the record must outlive its personal content (aggregate facts) — stripped of
 * {@code anonymiseFields} and stamped {@code anonymisedAt}.
 *
 * @param alsoRequired extra condition, e.g. only closed issues or finished visits (null: none)
 */
public record RetentionTarget(String collection, String timeField, Criteria alsoRequired, List<String> anonymiseFields) {

    public RetentionTarget {
        anonymiseFields = anonymiseFields == null ? List.of() : List.copyOf(anonymiseFields);
    }

    public static RetentionTarget delete(String collection, String timeField) {
        return new RetentionTarget(collection, timeField, null, List.of());
    }

    public static RetentionTarget delete(String collection, String timeField, Criteria alsoRequired) {
        return new RetentionTarget(collection, timeField, alsoRequired, List.of());
    }

    public static RetentionTarget anonymise(String collection, String timeField, Criteria alsoRequired,
                                            String... fields) {
        return new RetentionTarget(collection, timeField, alsoRequired, List.of(fields));
    }

    boolean deletes() {
        return anonymiseFields.isEmpty();
    }
}
