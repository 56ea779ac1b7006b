package com.huifang.feedback.issue;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.EventJson;
import com.huifang.contracts.events.IssueRaised;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.feedback.issue.store.IssueDocument;
import com.huifang.platform.messaging.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Raises issues. From a survey response: one issue per response that raises one (its id is derived
 * from the response), stored with its {@code IssueRaised} event.
 */
@Service
public class IssueIntake {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public IssueIntake(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> fromSurvey(EventEnvelope envelope, SurveySubmitted survey) {
        if (!survey.raisesIssue()) {
            return Mono.empty();
        }
        IssueDocument issue = new IssueDocument();
        issue.id = UUID.nameUUIDFromBytes(("issue:survey:" + survey.responseId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        issue.tenantId = envelope.tenantId();
        issue.customerId = survey.customerId();
        issue.visitId = survey.visitId();
        issue.surveyResponseId = survey.responseId();
        issue.category = survey.flagged() ? "AGENT_FLAG" : "DISSATISFACTION";
        issue.severity = "NORMAL";
        issue.source = "SURVEY";
        issue.description = describe(survey);
        issue.state = "OPEN";
        issue.raisedAt = clock.instant();
        issue.updatedAt = issue.raisedAt;
        IssueRaised raised = new IssueRaised(issue.id, issue.customerId, issue.visitId, issue.category,
                issue.severity, issue.source, issue.department, List.of(), issue.raisedAt);
        issue.outbox.add(OutboxEntry.of(EventJson.envelope(
                UUID.nameUUIDFromBytes(("IssueRaised:" + issue.id).getBytes(StandardCharsets.UTF_8)), raised,
                issue.tenantId, envelope.correlationId(), issue.raisedAt)));
        return mongo.insert(issue).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
    }

    private static String describe(SurveySubmitted s) {
        StringBuilder d = new StringBuilder();
        if (s.rating() != null) {
            d.append("满意度评分 ").append(s.rating()).append("/5. ");
        }
        if (s.flagged()) {
            d.append("回访员标记: ").append(s.flagNote() == null ? "" : s.flagNote()).append(". ");
        }
        if (s.comments() != null) {
            s.comments().forEach(c -> d.append(c).append(' '));
        }
        return d.toString().trim();
    }
}
