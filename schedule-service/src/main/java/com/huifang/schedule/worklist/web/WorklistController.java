package com.huifang.schedule.worklist.web;

import com.huifang.platform.security.Caller;
import com.huifang.schedule.assignment.domain.Worklist;
import com.huifang.schedule.assignment.domain.WorklistItem;
import com.huifang.schedule.visit.store.VisitDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/worklist")
@Tag(name = "Worklist")
@Validated
public class WorklistController {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public WorklistController(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * One line of an agent's worklist.
     *
     * @param dueAt      when the next try is due (a retry or call-back time, else the visit's due time)
     * @param scriptLink the survey template (script) to open for the call
     */
    public record WorklistEntry(String id, String customerId, String planId, String stage, String state, int priority,
                                Instant dueAt, Instant deadlineAt, boolean deadlineAtRisk, String channel,
                                String assigneeId, Instant callbackAt, int attempts, String surveyTemplateId,
                                String scriptLink, String issueId) {
    }

    @GetMapping
    @Operation(summary = "The caller's visits due now: theirs, the queue's unassigned ones and colleagues' call-backs "
            + "released after the plan's minutes; priority then due time")
    public Flux<WorklistEntry> worklist(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("tenantId").is(caller.tenantId())
                .and("state").in(List.of("DUE", "IN_PROGRESS"))).limit(5000);
        return mongo.find(query, VisitDocument.class).collectList().flatMapMany(docs -> {
            Map<String, VisitDocument> byId = docs.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
            Map<Integer, List<WorklistItem>> byRelease = docs.stream().collect(Collectors.groupingBy(
                    d -> d.callbackReleaseMinutes, Collectors.mapping(WorklistController::item, Collectors.toList())));
            List<WorklistItem> mine = new ArrayList<>();
            byRelease.forEach((release, items) -> mine.addAll(Worklist.forAgent(caller.userId(), items, now, release)));
            return Flux.fromStream(mine.stream().sorted(Worklist.ORDER).limit(limit)
                    .map(i -> entry(byId.get(i.visitId()), i)));
        });
    }

    private static WorklistItem item(VisitDocument d) {
        return new WorklistItem(d.id, d.priority, d.nextAttemptAt != null ? d.nextAttemptAt : d.dueAt, d.assigneeId,
                d.callbackAgentId, d.callbackAt);
    }

    private static WorklistEntry entry(VisitDocument d, WorklistItem i) {
        return new WorklistEntry(d.id, d.customerId, d.planId, d.stage, d.state, d.priority, i.dueAt(), d.deadlineAt,
                d.deadlineAtRisk, d.channel, d.assigneeId, d.callbackAt, d.attempts.size(), d.surveyTemplateId,
                d.surveyTemplateId == null ? null : "/api/surveys/templates/" + d.surveyTemplateId, d.issueId);
    }
}
