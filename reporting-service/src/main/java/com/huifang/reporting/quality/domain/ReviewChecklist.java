package com.huifang.reporting.quality.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a review against the etiquette checklist ({@link ChecklistItem}): every item scored exactly
 * once within 0…its full points; passed when the total reaches the pass mark and no critical item
 * lost a point. A failed review must say why (comments), since it counts against the agent's month
 * (seed 000: "与责任人月绩效考核挂钩").
 *
 * @param passMark    points needed to pass (default 80 of 100)
 * @param maxComments longest comment accepted
 */
public record ReviewChecklist(int passMark, int maxComments) {

    public static final ReviewChecklist SEED_000 = new ReviewChecklist(80, 2000);

    public int maxPoints() {
        int max = 0;
        for (ChecklistItem i : ChecklistItem.values()) {
            max += i.maxPoints();
        }
        return max;
    }

    /**
     * @param given    item code (e.g. "GREETING") → points
     * @param comments the reviewer's comments, may be null when the review passes
     * @throws QualityRuleException (INVALID) listing every field at fault
     */
    public ReviewScore score(Map<String, Integer> given, String comments) {
        List<QualityRuleException.Violation> bad = new ArrayList<>();
        Map<ChecklistItem, Integer> points = new EnumMap<>(ChecklistItem.class);
        Map<String, Integer> scores = given == null ? Map.of() : given;
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            ChecklistItem item = item(e.getKey());
            if (item == null) {
                bad.add(QualityRuleException.Violation.of("scores." + e.getKey(), "unknown", "quality.review.unknown-item"));
                continue;
            }
            Integer p = e.getValue();
            if (p == null || p < 0 || p > item.maxPoints()) {
                bad.add(QualityRuleException.Violation.of("scores." + item.name(), "range", "quality.review.points-range",
                        item.maxPoints()));
                continue;
            }
            points.put(item, p);
        }
        for (ChecklistItem item : ChecklistItem.values()) {
            if (!scores.containsKey(item.name())) {
                bad.add(QualityRuleException.Violation.of("scores." + item.name(), "required", "quality.review.item-required"));
            }
        }
        if (comments != null && comments.length() > maxComments) {
            bad.add(QualityRuleException.Violation.of("comments", "size", "quality.review.comments-too-long", maxComments));
        }
        if (!bad.isEmpty()) {
            throw new QualityRuleException(QualityRuleException.Kind.INVALID, bad);
        }
        int total = points.values().stream().mapToInt(Integer::intValue).sum();
        List<ChecklistItem> criticalLost = new ArrayList<>();
        List<ChecklistItem> lost = new ArrayList<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            if (points.get(item) < item.maxPoints()) {
                lost.add(item);
                if (item.critical()) {
                    criticalLost.add(item);
                }
            }
        }
        boolean passed = total >= passMark && criticalLost.isEmpty();
        if (!passed && (comments == null || comments.isBlank())) {
            throw QualityRuleException.invalid("comments", "required", "quality.review.comments-required");
        }
        return new ReviewScore(points, total, maxPoints(), passed,
                passed ? List.of() : criticalLost.isEmpty() ? lost : criticalLost);
    }

    private static ChecklistItem item(String code) {
        for (ChecklistItem i : ChecklistItem.values()) {
            if (i.name().equals(code)) {
                return i;
            }
        }
        return null;
    }

    /**
     * A reviewer never reviews a visit they ended themselves (seed 004, 利益冲突回避原则: whoever's work
     * is checked takes no part in checking it).
     *
     * @throws QualityRuleException (OWN_VISIT) when reviewer and agent are the same person
     */
    public static void requireNotOwnVisit(String reviewerId, String agentId) {
        if (reviewerId != null && reviewerId.equals(agentId)) {
            throw new QualityRuleException(QualityRuleException.Kind.OWN_VISIT,
                    List.of(QualityRuleException.Violation.of("visitId", "own-visit", "quality.review.own-visit")));
        }
    }
}
