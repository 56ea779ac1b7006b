package com.huifang.reporting.kpi.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A sampling plan's draw of one period (domain: {@code SampleDraw}), from {@code SampleDrawn}; the later draw wins. */
@Document(SampleDrawDocument.COLLECTION)
public class SampleDrawDocument {

    public static final String COLLECTION = "sample_draws";

    /** tenant id + "/" + plan id + "/" + period. */
    @Id
    public String id;
    @Version
    public Long version;
    public String tenantId;
    public String planId;
    /** "2026-11" or "2026-Q4". */
    public String period;
    public long population;
    public double tierPercent;
    public long required;
    public long mandatory;
    public long selected;
    public Instant drawnAt;

    public static String idOf(String tenantId, String planId, String period) {
        return tenantId + "/" + planId + "/" + period;
    }
}
