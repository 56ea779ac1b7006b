package com.huifang.reporting.quality.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's quality-review sampling settings; each change carries its audit entry in {@link #outbox}. */
@Document(QualitySettingsDocument.COLLECTION)
public class QualitySettingsDocument {

    public static final String COLLECTION = "quality_settings";

    /** The tenant id. */
    @Id
    public String id;
    @Version
    public Long version;
    public double share;
    public int minimum;
    public String updatedBy;
    public Instant updatedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
