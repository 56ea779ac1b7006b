package com.huifang.contracts;

import com.huifang.contracts.events.AuditRecorded;
import com.huifang.contracts.events.CustomerConsentChanged;
import com.huifang.contracts.events.CustomerErased;
import com.huifang.contracts.events.CustomerErasureConfirmed;
import com.huifang.contracts.events.CustomerProfileChanged;
import com.huifang.contracts.events.IssueClosed;
import com.huifang.contracts.events.IssueEscalated;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.IssueResolved;
import com.huifang.contracts.events.IssueSlaWarning;
import com.huifang.contracts.events.PlanTargetsChanged;
import com.huifang.contracts.events.QualityReviewFailed;
import com.huifang.contracts.events.SampleDrawn;
import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.TenantCalendarChanged;
import com.huifang.contracts.events.TenantRetentionChanged;
import com.huifang.contracts.events.VisitAttempted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitDue;
import com.huifang.contracts.events.VisitPlanned;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events the product promises: type name, payload record, topic and schema version. The type
 * names are part of the public contract and never change with a class rename.
 */
public final class EventCatalog {

    public record Entry(String type, Class<? extends HuifangEvent> payloadType, String topic, int schemaVersion) {

        /** Classpath location of the payload's JSON Schema. */
        public String schemaResource() {
            return "/schemas/" + type + ".v" + schemaVersion + ".json";
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("ServiceEventRecorded", ServiceEventRecorded.class, Topics.CUSTOMERS, 1),
            new Entry("CustomerConsentChanged", CustomerConsentChanged.class, Topics.CUSTOMERS, 1),
            new Entry("CustomerErased", CustomerErased.class, Topics.CUSTOMERS, 1),
            new Entry("CustomerErasureConfirmed", CustomerErasureConfirmed.class, Topics.CUSTOMERS, 1),
            new Entry("CustomerProfileChanged", CustomerProfileChanged.class, Topics.CUSTOMERS, 1),
            new Entry("VisitPlanned", VisitPlanned.class, Topics.VISITS, 1),
            new Entry("VisitDue", VisitDue.class, Topics.VISITS, 1),
            new Entry("VisitAttempted", VisitAttempted.class, Topics.VISITS, 1),
            new Entry("VisitCompleted", VisitCompleted.class, Topics.VISITS, 1),
            new Entry("QualityReviewFailed", QualityReviewFailed.class, Topics.VISITS, 1),
            new Entry("SampleDrawn", SampleDrawn.class, Topics.VISITS, 1),
            new Entry("SurveySubmitted", SurveySubmitted.class, Topics.SURVEYS, 1),
            new Entry("IssueRaised", IssueRaised.class, Topics.ISSUES, 1),
            new Entry("IssueEscalated", IssueEscalated.class, Topics.ISSUES, 1),
            new Entry("IssueResolved", IssueResolved.class, Topics.ISSUES, 1),
            new Entry("IssueClosed", IssueClosed.class, Topics.ISSUES, 1),
            new Entry("IssueSlaWarning", IssueSlaWarning.class, Topics.ISSUES, 1),
            new Entry("TenantCalendarChanged", TenantCalendarChanged.class, Topics.TENANT_SETTINGS, 1),
            new Entry("TenantRetentionChanged", TenantRetentionChanged.class, Topics.TENANT_SETTINGS, 1),
            new Entry("PlanTargetsChanged", PlanTargetsChanged.class, Topics.TENANT_SETTINGS, 1),
            new Entry("AuditRecorded", AuditRecorded.class, Topics.AUDIT, 1));

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, Entry> BY_CLASS = new LinkedHashMap<>();

    static {
        for (Entry e : ENTRIES) {
            BY_TYPE.put(e.type(), e);
            BY_CLASS.put(e.payloadType(), e);
        }
    }

    private EventCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Entry of(Class<? extends HuifangEvent> payloadType) {
        Entry e = BY_CLASS.get(payloadType);
        if (e == null) {
            throw new IllegalArgumentException("Not a catalogued event: " + payloadType.getName());
        }
        return e;
    }
}
