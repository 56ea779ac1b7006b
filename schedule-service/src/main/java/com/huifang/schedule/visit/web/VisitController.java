package com.huifang.schedule.visit.web;

import com.huifang.platform.security.Caller;
import com.huifang.schedule.access.VisitReadAccess;
import com.huifang.schedule.visit.VisitCommands;
import com.huifang.schedule.visit.domain.FollowUpRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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
@org.springframework.validation.annotation.Validated
public class VisitController {

    private final VisitCommands commands;
    private final VisitReadAccess readAccess;

    public VisitController(VisitCommands commands, VisitReadAccess readAccess) {
        this.commands = commands;
        this.readAccess = readAccess;
    }

    @GetMapping
    @Operation(summary = "A customer's visits, oldest due first; an agent's or handler's list shows another agent's "
            + "visit without its record (notes, recording references) unless an access grant covers it (audited)")
    public reactor.core.publisher.Flux<VisitView> ofCustomer(Caller caller,
            @org.springframework.web.bind.annotation.RequestParam @NotBlank @Size(max = 128) String customerId) {
        return readAccess.sortOut(caller, commands.ofCustomer(caller, customerId))
                .map(r -> r.full() ? VisitView.of(r.visit()) : VisitView.withoutRecord(r.visit()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One visit with its attempts and the explanation of its timing. Another agent's visit needs "
            + "SUPERVISOR, AUDITOR or ADMIN, or an active access grant (each such read audited); else 403")
    public Mono<VisitView> get(Caller caller, @PathVariable String id) {
        return commands.load(caller, id).flatMap(v -> readAccess.require(caller, v)).map(VisitView::of);
    }

    /**
     * @param channel       the channel used; default the visit's current rung (it must be that rung)
     * @param outcome       REACHED, NO_ANSWER, BUSY, POWERED_OFF, WRONG_NUMBER, REFUSED, CALL_BACK_LATER, INCONVENIENT
     * @param callBackAt    with CALL_BACK_LATER: the time the customer asked for
     * @param completeVisit accepted for compatibility: REACHED always completes the visit
     */
    public record AttemptRequest(
            @Pattern(regexp = "PHONE|SECOND_PHONE|SMS_LINK|EMAIL_LINK|HOME_VISIT|LETTER") String channel,
            @NotBlank @Pattern(regexp = "REACHED|NO_ANSWER|BUSY|POWERED_OFF|WRONG_NUMBER|REFUSED|CALL_BACK_LATER|INCONVENIENT")
            String outcome,
            Instant callBackAt,
            @PositiveOrZero @Max(600) Integer ringSeconds,
            @PositiveOrZero @Max(86_400) Integer durationSeconds,
            @Size(max = 256) String recordingRef,
            @Size(max = 2000) String notes,
            Boolean completeVisit) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record FollowUpBooking(@NotNull Instant notBefore, @PositiveOrZero @Max(60) Integer deadlineWorkingDays,
                                  @Size(max = 500) String note) {
    }

    public record ReassignRequest(@NotBlank @Size(max = 64) String agentId, @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one attempt (a call, an SMS, a home visit…) and its outcome; retries and the channel "
            + "ladder follow the plan. The answer follows the read policy of GET: an agent working a colleague's visit "
            + "(a call-back released to the team) gets it without its record unless an access grant covers it")
    public Mono<VisitView> attempt(Caller caller, @PathVariable String id, @Valid @RequestBody AttemptRequest request) {
        return readAccess.sortOut(caller, commands.recordAttempt(caller, id, new VisitCommands.AttemptCommand(
                        request.channel(), request.outcome(), request.callBackAt(), request.ringSeconds(),
                        request.durationSeconds(), request.recordingRef(), request.notes())).flux())
                .next()
                .map(r -> r.full() ? VisitView.of(r.visit()) : VisitView.withoutRecord(r.visit()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an open visit, with a reason (SUPERVISOR, ADMIN)")
    public Mono<VisitView> cancel(Caller caller, @PathVariable String id, @Valid @RequestBody CancelRequest request) {
        return commands.cancel(caller, id, request.reason()).map(VisitView::of);
    }

    @PostMapping("/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book a follow-up visit from an answer (\"call again after the next check-up\")")
    public Mono<VisitView> followUp(Caller caller, @PathVariable String id, @Valid @RequestBody FollowUpBooking request) {
        return commands.followUp(caller, id, new FollowUpRequest(request.notBefore(), request.deadlineWorkingDays(),
                request.note())).map(VisitView::of);
    }

    @PostMapping("/{id}/assignee")
    @Operation(summary = "Give the visit to another agent (never the staff whose work is checked) (SUPERVISOR, ADMIN)")
    public Mono<VisitView> reassign(Caller caller, @PathVariable String id, @Valid @RequestBody ReassignRequest request) {
        return commands.reassign(caller, id, request.agentId(), request.reason() == null ? "reassigned" : request.reason())
                .map(VisitView::of);
    }
}
