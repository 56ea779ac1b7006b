package com.huifang.survey.response.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.platform.security.Caller;
import com.huifang.survey.response.AnswerMapping;
import com.huifang.survey.response.ResponseRecording;
import com.huifang.survey.response.SurveyFrequency;
import com.huifang.survey.response.domain.AgentFlag;
import com.huifang.survey.response.domain.SurveyResponse;
import com.huifang.survey.response.store.ResponseDocument;
import com.huifang.survey.visit.VisitSurveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Survey responses")
public class ResponseController {

    private final VisitSurveys visits;
    private final ResponseRecording recording;
    private final SurveyFrequency frequency;

    public ResponseController(VisitSurveys visits, ResponseRecording recording, SurveyFrequency frequency) {
        this.visits = visits;
        this.recording = recording;
        this.frequency = frequency;
    }

    /**
     * The answers an agent collected, keyed by question id: single choice "optionId", multiple choice ["a","b"],
     * rating / NPS an integer, yes/no true/false, free text "text".
     *
     * @param templateVersion the version the agent's script showed; the latest when absent
     * @param flagged         a special case that needs attention (e.g. a worrying symptom); needs a note
     */
    public record AgentResponseRequest(
            @NotBlank @Size(max = 64) String visitId,
            Integer templateVersion,
            @NotNull @Size(max = 100) Map<String, JsonNode> answers,
            boolean flagged,
            @Size(max = 2000) String flagNote) {
    }

    public record ResponseView(String id, String visitId, String templateId, int templateVersion, String source,
                               String channel, String agentId, Map<String, Object> answers, Double rating,
                               Boolean satisfied, Integer nps, String npsClass, List<String> problemQuestionIds,
                               boolean flagged, String flagNote, List<String> comments, boolean raisesIssue,
                               Instant submittedAt) {

        public static ResponseView of(ResponseDocument r) {
            return new ResponseView(r.id, r.visitId, r.templateId, r.templateVersion, r.source, r.channel, r.agentId,
                    r.answers, r.rating, r.satisfied, r.nps, r.npsClass, r.problemQuestionIds, r.flagged, r.flagNote,
                    r.comments, r.raisesIssue, r.submittedAt);
        }
    }

    @PostMapping("/api/surveys/responses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the answers an agent collected during a visit (one response per visit)")
    public Mono<ResponseView> submit(Caller caller, @Valid @RequestBody AgentResponseRequest request) {
        return visits.visit(caller.tenantId(), request.visitId()).flatMap(visit ->
                visits.template(visit, request.templateVersion()).flatMap(template -> {
                    AnswerMapping.Mapped mapped = AnswerMapping.fromJson(template, request.answers());
                    if (!mapped.errors().isEmpty()) {
                        return Mono.error(ResponseRecording.invalid(mapped.errors()));
                    }
                    AgentFlag flag = request.flagged()
                            ? new AgentFlag(request.flagNote() == null ? "" : request.flagNote()) : null;
                    SurveyResponse response = SurveyResponse.byAgent(template.ref(), mapped.answers(), flag);
                    var errors = recording.check(template, response);
                    if (!errors.isEmpty()) { // a wrong answer is reported before the frequency guard is asked
                        return Mono.error(ResponseRecording.invalid(errors));
                    }
                    String channel = visit.channel == null ? "PHONE" : visit.channel;
                    return frequency.check(visit)
                            .then(recording.record(visit, template, response, caller.userId(), channel));
                }))
                .map(ResponseView::of);
    }

    @GetMapping("/api/surveys/visits/{visitId}/response")
    @Operation(summary = "The response given for a visit")
    public Mono<ResponseView> ofVisit(Caller caller, @PathVariable String visitId) {
        return recording.existing(caller.tenantId(), visitId)
                .switchIfEmpty(Mono.error(() -> com.huifang.platform.problem.ApiProblem.notFound("survey response",
                        visitId)))
                .map(ResponseView::of);
    }
}
