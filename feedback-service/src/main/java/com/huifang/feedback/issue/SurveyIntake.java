package com.huifang.feedback.issue;

import com.huifang.contracts.EventEnvelope;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.feedback.issue.domain.RaiseIssue;
import com.huifang.feedback.rules.TenantRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Raises one issue per survey response that calls for one (low score, problem answer, agent's flag): its id
 * derives from the response id, so a redelivered event raises nothing new. A flagged response is an
 * AGENT_FLAG issue, any other a DISSATISFACTION issue; a rating of 1 of 5 makes it major.
 */
@Service
public class SurveyIntake {

    private final IssueWorkflow workflow;

    public SurveyIntake(IssueWorkflow workflow) {
        this.workflow = workflow;
    }

    public static String issueIdOf(String surveyResponseId) {
        return UUID.nameUUIDFromBytes(("issue:survey:" + surveyResponseId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Mono<Void> fromSurvey(EventEnvelope envelope, SurveySubmitted survey) {
        if (!survey.raisesIssue()) {
            return Mono.empty();
        }
        var cmd = RaiseIssue.fromSurvey(issueIdOf(survey.responseId()), envelope.tenantId(),
                survey.flagged() ? TenantRules.AGENT_FLAG : TenantRules.DISSATISFACTION, survey.customerId(),
                survey.visitId(), survey.rating(), describe(survey), List.of());
        return workflow.raise(cmd, survey.responseId()).then();
    }

    private static String describe(SurveySubmitted s) {
        StringBuilder d = new StringBuilder();
        if (s.rating() != null) {
            d.append("满意度评分 ").append(s.rating()).append("/5. ");
        }
        if (s.problemQuestionIds() != null && !s.problemQuestionIds().isEmpty()) {
            d.append("问题答案: ").append(String.join(", ", s.problemQuestionIds())).append(". ");
        }
        if (s.flagged()) {
            d.append("回访员标记: ").append(s.flagNote() == null ? "" : s.flagNote()).append(". ");
        }
        if (s.comments() != null) {
            s.comments().forEach(c -> d.append(c).append(' '));
        }
        var text = d.toString().trim();
        return text.isEmpty() ? "回访问卷提示问题 (survey " + s.responseId() + ")" : text;
    }
}
