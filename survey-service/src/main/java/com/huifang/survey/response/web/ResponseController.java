package com.huifang.survey.response.web;

import com.huifang.platform.security.Caller;
import com.huifang.survey.response.ResponseSubmission;
import com.huifang.survey.response.store.ResponseDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/surveys/responses")
@Tag(name = "Survey responses")
public class ResponseController {

    private final ResponseSubmission submission;

    public ResponseController(ResponseSubmission submission) {
        this.submission = submission;
    }

    public record AgentResponseRequest(
            @NotBlank @Size(max = 64) String visitId,
            @Min(1) @Max(5) Integer satisfaction,
            @Min(0) @Max(10) Integer nps,
            @Size(max = 2000) String comment,
            boolean flagged,
            @Size(max = 2000) String flagNote) {
    }

    public record ResponseView(String id, String visitId, String templateId, int templateVersion, Double rating,
                               Boolean satisfied, Integer nps, String npsClass, boolean flagged, List<String> comments,
                               boolean raisesIssue, Instant submittedAt) {

        static ResponseView of(ResponseDocument r) {
            return new ResponseView(r.id, r.visitId, r.templateId, r.templateVersion, r.rating, r.satisfied, r.nps,
                    r.npsClass, r.flagged, r.comments, r.raisesIssue, r.submittedAt);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the answers an agent collected during a visit")
    public Mono<ResponseView> submit(Caller caller, @Valid @RequestBody AgentResponseRequest request) {
        return submission.submitByAgent(caller, new ResponseSubmission.Answers(request.visitId(),
                        request.satisfaction(), request.nps(), request.comment(), request.flagged(), request.flagNote()))
                .map(ResponseView::of);
    }
}
