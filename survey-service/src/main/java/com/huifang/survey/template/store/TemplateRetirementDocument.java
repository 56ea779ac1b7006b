package com.huifang.survey.template.store;

import com.huifang.platform.messaging.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant retired one of its templates (seed or own): no new survey starts on it, while answers already pinned to
 * one of its versions (links sent) still count. Inserted once, with the audit entry in its outbox: the unique id
 * (tenant, template) makes a second retirement collide.
 */
@Document("survey_template_retirements")
public class TemplateRetirementDocument {

    @Id
    public String id;
    public String tenantId;
    public String templateId;
    /** The latest version when it was retired. */
    public int version;
    public String retiredBy;
    public String reason;
    public Instant retiredAt;
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static String idOf(String tenantId, String templateId) {
        return tenantId + "/" + templateId;
    }
}
