package com.huifang.schedule.worklist.web;

import com.huifang.platform.security.Caller;
import com.huifang.schedule.visit.store.VisitDocument;
import com.huifang.schedule.visit.web.VisitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.Sort;
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

    public WorklistController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    @Operation(summary = "The caller's visits due now: theirs and the team's unassigned ones, by priority then due time")
    public Flux<VisitView> worklist(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Query query = Query.query(Criteria.where("tenantId").is(caller.tenantId())
                        .and("state").in(List.of("DUE", "IN_PROGRESS"))
                        .orOperator(Criteria.where("assigneeId").is(caller.userId()), Criteria.where("assigneeId").is(null)))
                .with(Sort.by("priority", "dueAt"))
                .limit(limit);
        return mongo.find(query, VisitDocument.class).map(VisitView::of);
    }
}
