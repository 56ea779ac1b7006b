package com.huifang.schedule.sampling;

import com.huifang.platform.problem.ApiProblem;
import com.huifang.schedule.plan.domain.Plan;
import com.huifang.schedule.sampling.domain.Household;
import com.huifang.schedule.sampling.domain.InclusionReason;
import com.huifang.schedule.sampling.domain.Sample;
import com.huifang.schedule.sampling.domain.SampledHousehold;
import com.huifang.schedule.sampling.domain.SamplingPeriod;
import com.huifang.schedule.sampling.store.ServedHouseholdDocument;
import com.huifang.schedule.visit.domain.ServiceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The population of sampling plans (seed 001: each month call back ≥10 % / 20 % / 30 % of the
 * households served, some always): events of a sampling plan are kept per period, and a
 * supervisor's draw picks the sample with the domain's {@code SamplingPlan.draw}, seeded by
 * (tenant, plan, period) so a repeated draw picks the same households and plans nothing twice.
 */
@Service
public class SamplingDraws {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private final ReactiveMongoTemplate mongo;

    public SamplingDraws(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String periodOf(SamplingPeriod period, Instant at, ZoneId zone) {
        LocalDate d = at.atZone(zone).toLocalDate();
        return period == SamplingPeriod.MONTH ? String.format("%d-%02d", d.getYear(), d.getMonthValue())
                : d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** Keeps a served household of the event's period (idempotent). */
    public Mono<Void> record(String tenantId, Plan plan, ServiceEvent event, ZoneId zone) {
        ServedHouseholdDocument doc = new ServedHouseholdDocument();
        doc.period = periodOf(plan.sampling().period(), event.occurredAt(), zone);
        doc.id = ServedHouseholdDocument.idOf(tenantId, plan.id(), doc.period, event.id());
        doc.tenantId = tenantId;
        doc.planId = plan.id();
        doc.householdId = event.customerId();
        doc.serviceEventId = event.id();
        doc.eventType = event.type();
        doc.occurredAt = event.occurredAt();
        doc.scheduledAt = event.scheduledAt();
        doc.category = event.category();
        doc.staffIds = new ArrayList<>(event.staffIds());
        doc.attributes = new LinkedHashMap<>(event.attributes());
        return mongo.insert(doc).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
    }

    /** A drawn sample and, for each selected household, the event its visit is planned from (its latest). */
    public record Draw(Sample sample, Map<SampledHousehold, ServiceEvent> events) {
    }

    public Mono<Draw> draw(String tenantId, Plan plan, String period) {
        if (plan.sampling() == null) {
            return Mono.error(ApiProblem.conflict("plan-not-sampled", "schedule.sampling.not-sampled", plan.id()));
        }
        Pattern format = plan.sampling().period() == SamplingPeriod.MONTH ? MONTH : QUARTER;
        if (!format.matcher(period).matches()) {
            return Mono.error(ApiProblem.invalidField("period", "period", "schedule.sampling.period",
                    plan.sampling().period() == SamplingPeriod.MONTH ? "2025-09" : "2025-Q3"));
        }
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(plan.id())
                        .and("period").is(period)), ServedHouseholdDocument.class)
                .collectList()
                .map(served -> {
                    Map<String, ServedHouseholdDocument> latest = new LinkedHashMap<>();
                    List<Household> households = new ArrayList<>();
                    served.stream().sorted(Comparator.comparing((ServedHouseholdDocument d) -> d.occurredAt)
                                    .thenComparing(d -> d.serviceEventId))
                            .forEach(d -> {
                                latest.put(d.householdId, d);
                                Set<InclusionReason> reasons = EnumSet.noneOf(InclusionReason.class);
                                for (InclusionReason r : InclusionReason.values()) {
                                    if (Boolean.parseBoolean(d.attributes.get(r.attribute()))) {
                                        reasons.add(r);
                                    }
                                }
                                households.add(new Household(d.householdId, reasons));
                            });
                    long seed = UUID.nameUUIDFromBytes((tenantId + ":" + plan.id() + ":" + period)
                            .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
                    Sample sample = plan.sampling().draw(households, seed);
                    Map<SampledHousehold, ServiceEvent> events = new LinkedHashMap<>();
                    for (SampledHousehold h : sample.selected()) {
                        ServedHouseholdDocument d = latest.get(h.id());
                        events.put(h, new ServiceEvent(d.serviceEventId, d.householdId, d.eventType, d.occurredAt,
                                d.scheduledAt, d.category, d.staffIds, d.attributes));
                    }
                    return new Draw(sample, events);
                });
    }
}
