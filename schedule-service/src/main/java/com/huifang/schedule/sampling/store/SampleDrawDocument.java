package com.huifang.schedule.sampling.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A period's draw of a sampling plan as it was announced ({@code SampleDrawn}): written once, after the
 * draw's visits and its stand-alone outbox entry, so that drawing the same period again publishes nothing.
 * Id = {@code tenant:plan:period}.
 */
@Document(SampleDrawDocument.COLLECTION)
public class SampleDrawDocument {

    public static final String COLLECTION = "sampling_draws";

    @Id
    public String id;
    public String tenantId;
    public String planId;
    /** "2025-09" (month) or "2025-Q3" (quarter), in the tenant's zone */
    public String period;
    public int population;
    public int tierPercent;
    public int required;
    public int mandatory;
    public int selected;
    /** The id of the SampleDrawn event that announced it. */
    public String eventId;
    public Instant drawnAt;

    public static String idOf(String tenantId, String planId, String period) {
        return tenantId + ":" + planId + ":" + period;
    }
}
