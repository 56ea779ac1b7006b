package com.huifang.survey.template.store;

import com.huifang.platform.messaging.OutboxEntry;
import com.huifang.survey.template.TemplateBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved version of one tenant's template. Never updated (but for the relay draining its outbox): a revision is a
 * new document, whose id (tenant, template, version) makes two concurrent revisions to the same next version collide
 * on insert.
 */
@Document("survey_templates")
public class TemplateDocument {

    @Id
    public String id;
    public String tenantId;
    public String templateId;
    public int version;
    public TemplateBody body;
    public String createdBy;
    public Instant createdAt;
    /** The audit entry of the version's creation, written with it and drained by the relay. */
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static String idOf(String tenantId, String templateId, int version) {
        return tenantId + "/" + templateId + "/v" + version;
    }
}
