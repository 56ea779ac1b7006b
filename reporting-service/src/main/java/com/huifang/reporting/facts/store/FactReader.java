package com.huifang.reporting.facts.store;

import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.facts.domain.IssueFact;
import com.huifang.reporting.facts.domain.Placement;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.VisitFact;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads stored facts back as domain values; every query is filtered on the tenant. */
@Component
public class FactReader {

    private final ReactiveMongoTemplate mongo;

    public FactReader(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static Query withState(Criteria c) {
        Query q = Query.query(c);
        q.fields().include("state");
        // a visit fact's personal details are stored beside its state (VisitFactDocument#fact)
        q.fields().include("detailsApart").include("comments").include("flagNote").include("recordings")
                .include("anonymisedAt");
        return q;
    }

    public Flux<VisitFact> visitsDue(String tenant, LocalDate from, LocalDate to) {
        return mongo.find(withState(Criteria.where("tenantId").is(tenant).and("dueDate").gte(from.toString())
                        .lte(to.toString())), VisitFactDocument.class)
                .map(VisitFactDocument::fact);
    }

    public Flux<VisitFact> visitsWithOpinions(String tenant, LocalDate from, LocalDate to) {
        return mongo.find(withState(Criteria.where("tenantId").is(tenant).and("opinionDate").gte(from.toString())
                        .lte(to.toString())), VisitFactDocument.class)
                .map(VisitFactDocument::fact);
    }

    public Flux<VisitFact> visits(String tenant, Collection<String> visitIds) {
        if (visitIds.isEmpty()) {
            return Flux.empty();
        }
        List<String> ids = visitIds.stream().map(v -> VisitFactDocument.idOf(tenant, v)).toList();
        return mongo.find(withState(Criteria.where("_id").in(ids).and("tenantId").is(tenant)), VisitFactDocument.class)
                .map(VisitFactDocument::fact);
    }

    public Flux<IssueFact> issuesRaised(String tenant, LocalDate from, LocalDate to) {
        return mongo.find(withState(Criteria.where("tenantId").is(tenant).and("raisedDate").gte(from.toString())
                        .lte(to.toString())), IssueFactDocument.class)
                .map(d -> FactJson.read(d.state, IssueFact.class));
    }

    public Mono<Map<String, ServiceEventFact>> serviceEvents(String tenant, Collection<String> serviceEventIds) {
        if (serviceEventIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = serviceEventIds.stream().map(s -> ServiceEventFactDocument.idOf(tenant, s)).toList();
        return mongo.find(withState(Criteria.where("_id").in(ids).and("tenantId").is(tenant)),
                        ServiceEventFactDocument.class)
                .map(d -> FactJson.read(d.state, ServiceEventFact.class))
                .collectMap(ServiceEventFact::serviceEventId);
    }

    /** The tenant's time zone: the one its latest calendar set, else the default zone. */
    public Mono<ZoneId> zone(String tenant) {
        return mongo.findById(tenant, TenantZoneDocument.class)
                .map(d -> ZoneId.of(d.zone))
                .defaultIfEmpty(DimensionSource.DEFAULT_ZONE);
    }

    public Mono<Map<String, Placement>> placements(String tenant) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), AgentPlacementDocument.class)
                .collect(HashMap::new, (m, d) -> m.put(d.agentId, new Placement(d.team, d.department)));
    }

    public Mono<AgentPlacementDocument> place(String tenant, String agentId, String team, String department) {
        AgentPlacementDocument d = new AgentPlacementDocument();
        d.id = AgentPlacementDocument.idOf(tenant, agentId);
        d.tenantId = tenant;
        d.agentId = agentId;
        d.team = team;
        d.department = department;
        return mongo.save(d);
    }
}
