package com.huifang.survey.link.store;

import com.huifang.survey.link.domain.LinkState;
import com.huifang.survey.link.domain.SurveyLink;
import com.huifang.survey.template.domain.TemplateRef;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A survey link, stored under the SHA-256 of its token: the token itself is never stored. */
@Document("survey_links")
public class LinkDocument {

    @Id
    public String tokenHash;
    public String tenantId;
    public String visitId;
    public String customerId;
    public String templateId;
    public int templateVersion;
    /** EMAIL or SMS */
    public String channel;
    public Instant issuedAt;
    public Instant expiresAt;
    public LinkState state;
    public Instant usedAt;

    public static LinkDocument of(SurveyLink link, String channel) {
        LinkDocument d = new LinkDocument();
        d.tokenHash = link.tokenHash();
        d.tenantId = link.tenantId();
        d.visitId = link.visitId();
        d.customerId = link.customerId();
        d.templateId = link.template().templateId();
        d.templateVersion = link.template().version();
        d.channel = channel;
        d.issuedAt = link.issuedAt();
        d.expiresAt = link.expiresAt();
        d.state = link.state();
        d.usedAt = link.usedAt();
        return d;
    }

    public SurveyLink toDomain() {
        return new SurveyLink(tokenHash, tenantId, visitId, customerId, new TemplateRef(templateId, templateVersion),
                issuedAt, expiresAt, state, usedAt);
    }
}
