package com.huifang.contracts;

/**
 * The payload of an {@link EventEnvelope}. Each implementation is a record registered in
 * {@link EventCatalog} with its stable type name, topic and schema version.
 */
public interface HuifangEvent {

    /** The Kafka key: the customer id for customer and visit events, the issue id for issue events. */
    String key();
}
