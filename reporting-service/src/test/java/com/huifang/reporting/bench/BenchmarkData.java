package com.huifang.reporting.bench;

import com.huifang.contracts.events.ServiceEventRecorded;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.contracts.events.VisitCompleted;
import com.huifang.contracts.events.VisitPlanned;
import com.huifang.reporting.facts.domain.AgentDirectory;
import com.huifang.reporting.facts.domain.DimensionSource;
import com.huifang.reporting.facts.domain.Placement;
import com.huifang.reporting.facts.domain.ServiceEventFact;
import com.huifang.reporting.facts.domain.Versioned;
import com.huifang.reporting.facts.domain.VisitFact;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * One million projected visits of one tenant, all due in November 2026 (the worst case for the month
 * report): 10 plans, 6 customer categories (through 1 000 service events), 200 agents in 20 teams and
 * 4 departments, 5 channels (mostly phone); outcomes, attempts and surveys drawn with a fixed seed.
 */
final class BenchmarkData implements DimensionSource {

    static final String TENANT = "bench";
    private static final String[] CHANNELS = {"PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "SMS", "EMAIL",
            "HOME_VISIT", "LETTER"};
    private static final String[] RESULTS = {"COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED",
            "COMPLETED", "FAILED", "REFUSED", "CANCELLED", null};

    final List<VisitFact> visits;
    private final Map<String, ServiceEventFact> serviceEvents = new HashMap<>();
    private final AgentDirectory directory;
    final Map<String, Placement> placements = new HashMap<>();

    BenchmarkData(int count) {
        Random random = new Random(42);
        String[] categories = {"住院", "门诊", "沉睡会员", "活跃会员", "毕业会员", "新签约"};
        for (int i = 0; i < 1_000; i++) {
            String id = "se-" + i;
            ServiceEventRecorded e = new ServiceEventRecorded(id, "c-" + i, "DISCHARGED", Instant.EPOCH, null,
                    categories[i % categories.length], List.of("s-" + (i % 300)), "STAFF", null, Map.of());
            serviceEvents.put(id, new ServiceEventFact(TENANT, id, new Versioned<>(Instant.EPOCH, new UUID(0, i), e)));
        }
        for (int a = 0; a < 200; a++) {
            placements.put("agent-" + a, new Placement("team-" + (a / 10), "dept-" + (a / 50)));
        }
        directory = (tenant, agent) -> placements.getOrDefault(agent, Placement.UNKNOWN);

        Instant monthStart = Instant.parse("2026-10-31T16:00:00Z"); // 2026-11-01 00:00 Asia/Shanghai
        long monthSeconds = 30L * 86_400;
        visits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String visitId = "v-" + i;
            String plan = "plan-" + random.nextInt(10);
            String agent = "agent-" + random.nextInt(200);
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            Instant due = monthStart.plusSeconds((long) (random.nextDouble() * monthSeconds));
            Instant deadline = due.plusSeconds(7 * 86_400);
            UUID id = new UUID(1, i);
            Versioned<VisitPlanned> planned = new Versioned<>(due, id, new VisitPlanned(visitId, visitId, plan, 1,
                    "main", "se-" + random.nextInt(1_000), "tpl", due, due, deadline, channel, 2, agent, false));
            String result = RESULTS[random.nextInt(RESULTS.length)];
            int attempts = result == null ? random.nextInt(2) : 1 + random.nextInt(3);
            Versioned<VisitCompleted> completed = result == null ? null : new Versioned<>(due, new UUID(2, i),
                    new VisitCompleted(visitId, visitId, plan, result, channel, agent, due.plusSeconds(3_600), deadline,
                            random.nextInt(10) < 8, attempts));
            Versioned<SurveySubmitted> survey = null;
            if ("COMPLETED".equals(result) && random.nextInt(10) < 7) {
                int nps = random.nextInt(11);
                int rating = 1 + random.nextInt(5);
                survey = new Versioned<>(due, new UUID(3, i), new SurveySubmitted("r-" + i, visitId, visitId, plan, "tpl",
                        1, agent, channel, due.plusSeconds(3_600), (double) rating, rating >= 4, nps, null, List.of(),
                        false, null, List.of(), rating <= 2));
            }
            visits.add(new VisitFact(TENANT, visitId, planned, null, completed, survey, attempts, Set.of(), false));
        }
    }

    java.util.Collection<ServiceEventFact> serviceEventFacts() {
        return serviceEvents.values();
    }

    @Override
    public ZoneId zoneOf(String tenantId) {
        return DEFAULT_ZONE;
    }

    @Override
    public Optional<ServiceEventFact> serviceEvent(String tenantId, String serviceEventId) {
        return Optional.ofNullable(serviceEvents.get(serviceEventId));
    }

    @Override
    public Placement placementOf(String tenantId, String agentId) {
        return directory.placementOf(tenantId, agentId);
    }
}
