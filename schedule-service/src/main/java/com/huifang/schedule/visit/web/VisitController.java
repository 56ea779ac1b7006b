package com.huifang.schedule.visit.web;

import com.huifang.platform.security.Caller;
import com.huifang.schedule.visit.VisitCommands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/visits")
@Tag(name = "Visits")
public class VisitController {

    private final VisitCommands commands;

    public VisitController(VisitCommands commands) {
        this.commands = commands;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One visit with its attempts and the explanation of its timing")
    public Mono<VisitView> get(Caller caller, @PathVariable String id) {
        return commands.load(caller, id).map(VisitView::of);
    }

    /**
     * @param outcome       REACHED, NO_ANSWER, BUSY, POWERED_OFF, WRONG_NUMBER, REFUSED, CALL_BACK_LATER, INCONVENIENT
     * @param completeVisit with REACHED: the visit is done
     */
    public record AttemptRequest(
            @Pattern(regexp = "PHONE|SECOND_PHONE|SMS_LINK|EMAIL_LINK|HOME_VISIT|LETTER") String channel,
            @NotBlank @Pattern(regexp = "REACHED|NO_ANSWER|BUSY|POWERED_OFF|WRONG_NUMBER|REFUSED|CALL_BACK_LATER|INCONVENIENT")
            String outcome,
            @PositiveOrZero @Max(600) Integer ringSeconds,
            @PositiveOrZero @Max(86_400) Integer durationSeconds,
            @Size(max = 256) String recordingRef,
            @Size(max = 2000) String notes,
            boolean completeVisit) {
    }

    @PostMapping("/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one attempt (a call, an SMS, a home visit…) and its outcome")
    public Mono<VisitView> attempt(Caller caller, @PathVariable String id, @Valid @RequestBody AttemptRequest request) {
        return commands.recordAttempt(caller, id, new VisitCommands.AttemptCommand(request.channel(),
                        request.outcome(), request.ringSeconds(), request.durationSeconds(), request.recordingRef(),
                        request.notes(), request.completeVisit()))
                .map(VisitView::of);
    }
}
