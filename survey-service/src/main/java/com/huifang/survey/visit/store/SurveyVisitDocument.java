package com.huifang.survey.visit.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * survey-service's own copy of the visits it may be asked about, built from visit events: a
 * response is accepted only for a visit of the caller's tenant.
 */
@Document("survey_visits")
public class SurveyVisitDocument {

    @Id
    public String visitId;
    public String tenantId;
    public String customerId;
    public String planId;
    /** The plan stage ("main", "completion"…): some stages are surveyed whatever the quiet days. */
    public String stage;
    /** The service event that caused the visit (from VisitPlanned): its date fills the script's {eventDate}. */
    public String serviceEventId;
    public String surveyTemplateId;
    public String channel;
    public String assigneeId;
    public Instant dueAt;
    public Instant updatedAt;
}
