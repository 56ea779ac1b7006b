package com.huifang.reporting.quality.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The month's quality-review sample of one tenant: for every agent, {@link SamplingPolicy#sampleSize}
 * of their finished visits, drawn by a seeded ranking — each visit ranks by SHA-256 of
 * (tenant, month, visit id) and the lowest ranks are taken. The draw depends on nothing else (not
 * the order the visits were read in, not the time of the run), so re-running it picks the same
 * visits; and a visit finished late joins the ranking without reshuffling the others.
 */
public record ReviewSample(String tenantId, YearMonth month, SamplingPolicy policy, List<AgentSample> agents) {

    /**
     * @param finished how many visits the agent finished in the month
     * @param visitIds the drawn visits, in rank order
     */
    public record AgentSample(String agentId, int finished, List<String> visitIds) {
        public AgentSample {
            visitIds = List.copyOf(visitIds);
        }
    }

    public ReviewSample {
        agents = List.copyOf(agents);
    }

    public static ReviewSample draw(String tenantId, YearMonth month, SamplingPolicy policy,
                                    List<FinishedVisit> finished) {
        Map<String, List<String>> byAgent = new TreeMap<>();
        for (FinishedVisit v : finished) {
            List<String> ids = byAgent.computeIfAbsent(v.agentId(), a -> new ArrayList<>());
            if (!ids.contains(v.visitId())) {
                ids.add(v.visitId());
            }
        }
        String seed = tenantId + "|" + month;
        List<AgentSample> out = new ArrayList<>();
        byAgent.forEach((agent, ids) -> {
            List<String> ranked = new ArrayList<>(ids);
            Map<String, String> rank = new TreeMap<>();
            ranked.forEach(id -> rank.put(id, rankOf(seed, id)));
            ranked.sort(Comparator.comparing((String id) -> rank.get(id)).thenComparing(Comparator.naturalOrder()));
            out.add(new AgentSample(agent, ids.size(), ranked.subList(0, policy.sampleSize(ids.size()))));
        });
        return new ReviewSample(tenantId, month, policy, out);
    }

    /**
     * What a reviewer is offered: every agent's sample except their own — a reviewer never reviews
     * their own visits (seed 004: 利益冲突回避原则).
     */
    public List<AgentSample> offeredTo(String reviewerId) {
        return agents.stream().filter(a -> !Objects.equals(a.agentId(), reviewerId)).toList();
    }

    public boolean contains(String visitId) {
        return agents.stream().anyMatch(a -> a.visitIds().contains(visitId));
    }

    static String rankOf(String seed, String visitId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + visitId).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                hex.append(String.format("%02x", hash[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
