package com.huifang.contracts;

/**
 * Kafka topics, named by business stream (never by a Java class name, so a refactoring never
 * renames a topic). Every event of one customer (or one issue) is keyed alike and so stays in
 * order on one partition.
 */
public final class Topics {

    /** Customer facts: service events recorded, consent changes, erasures and their confirmations. Key: customer id. */
    public static final String CUSTOMERS = "huifang.customers";
    /** Service events pushed by partner systems inside the cluster (same shape as the HTTP push). */
    public static final String PARTNER_EVENTS = "huifang.partner-events";
    /** Visit life cycle: planned, due, attempted, completed; failed quality reviews (key: customer id); sample draws (key: plan id). */
    public static final String VISITS = "huifang.visits";
    /** Survey responses. Key: customer id. */
    public static final String SURVEYS = "huifang.surveys";
    /** Issue life cycle: raised, escalated, resolved, closed. Key: issue id. */
    public static final String ISSUES = "huifang.issues";

    /** Tenant settings other services copy: working calendars, retention (key: tenant id); plan targets (key: plan id). */
    public static final String TENANT_SETTINGS = "huifang.tenant-settings";
    /** The audit trail: one entry per change or reveal, from every service. Key: target type/id. */
    public static final String AUDIT = "huifang.audit";

    /** Suffix of the dead-letter topic of every topic (Spring Kafka's default naming). */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every business topic, for topic creation at start-up and in deployment jobs. */
    public static java.util.List<String> all() {
        return java.util.List.of(CUSTOMERS, PARTNER_EVENTS, VISITS, SURVEYS, ISSUES, TENANT_SETTINGS, AUDIT);
    }
}
