package com.huifang.reporting.kpi.web;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.platform.security.Caller;
import com.huifang.platform.security.Role;
import com.huifang.reporting.facts.store.IssueFactDocument;
import com.huifang.reporting.facts.store.VisitFactDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class ReportController {

    static final int MAX_DAYS = 366;

    private final ReactiveMongoTemplate mongo;

    public ReportController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param due       visits that fell due in the range (应访量)
     * @param completed visits completed successfully
     * @param issues    issues raised in the range
     */
    public record Summary(LocalDate from, LocalDate to, long due, long completed, long issues) {
    }

    @GetMapping("/summary")
    @Operation(summary = "Due, completed and issues of a date range (tenant-local dates, both inclusive)")
    public Mono<Summary> summary(Caller caller,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADERSHIP, Role.AUDITOR)) {
            return Mono.error(ApiProblem.forbidden("problem.forbidden"));
        }
        if (to.isBefore(from)) {
            return Mono.error(ApiProblem.invalidField("to", "range", "reporting.range.end-before-start"));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return Mono.error(ApiProblem.invalidField("to", "range", "reporting.range.too-long", MAX_DAYS));
        }
        Criteria inRange = Criteria.where("tenantId").is(caller.tenantId()).and("dueDate").gte(from).lte(to);
        Mono<Long> due = mongo.count(Query.query(Criteria.where("tenantId").is(caller.tenantId())
                .and("dueDate").gte(from).lte(to).and("due").is(true)), VisitFactDocument.class);
        Mono<Long> completed = mongo.count(Query.query(inRange.and("result").is("COMPLETED")), VisitFactDocument.class);
        Mono<Long> issues = mongo.count(Query.query(Criteria.where("tenantId").is(caller.tenantId())
                .and("raisedDate").gte(from).lte(to)), IssueFactDocument.class);
        return Mono.zip(due, completed, issues).map(t -> new Summary(from, to, t.getT1(), t.getT2(), t.getT3()));
    }
}
