package com.huifang.reporting.facts.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's time zone and the calendar version that set it (domain: {@code TenantZone}). */
@Document(TenantZoneDocument.COLLECTION)
public class TenantZoneDocument {

    public static final String COLLECTION = "tenant_zones";

    /** The tenant id. */
    @Id
    public String id;
    @Version
    public Long version;
    /** IANA zone id. */
    public String zone;
    /** TenantCalendarChanged.version of the calendar that set it: the highest wins. */
    public int calendarVersion;
}
