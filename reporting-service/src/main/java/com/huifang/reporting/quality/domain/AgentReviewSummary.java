package com.huifang.reporting.quality.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agent's quality reviews of a period, for the performance report: how many, how many passed and
 * failed, and the mean score as a percentage of the full score.
 */
public record AgentReviewSummary(String agentId, int reviews, int passed, int failed, Double meanScore) {

    /** One stored review as the summary needs it. */
    public record Outcome(String agentId, int total, int max, boolean passed) {
    }

    /** Per agent, sorted by agent id; agents without reviews are absent. */
    public static Map<String, AgentReviewSummary> of(List<Outcome> outcomes) {
        Map<String, int[]> acc = new TreeMap<>();
        Map<String, Double> percent = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] a = acc.computeIfAbsent(o.agentId(), k -> new int[2]);
            a[0]++;
            if (o.passed()) {
                a[1]++;
            }
            percent.merge(o.agentId(), o.max() == 0 ? 0 : 100.0 * o.total() / o.max(), Double::sum);
        }
        Map<String, AgentReviewSummary> out = new TreeMap<>();
        acc.forEach((agent, a) -> out.put(agent, new AgentReviewSummary(agent, a[0], a[1], a[0] - a[1],
                Math.round(percent.get(agent) / a[0] * 100) / 100.0)));
        return out;
    }
}
