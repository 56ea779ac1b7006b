package com.huifang.reporting.quality.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of an agent's finished visits of a month are offered for quality review (质检抽查). Seed 000
 * (客服部电话回访制度): "每月对回访录音进行抽查,不符合电话回访规范礼仪、标准语方运用不到位的与责任人月绩效考核挂钩" —
 * a monthly sample of every agent's calls; seed 004 asks the reviewers to check compliance monthly.
 * The share is the tenant's, rounded up (a share is a minimum), never fewer than {@code minimum}
 * visits, never more than the agent finished.
 *
 * @param share   fraction of the finished visits, in (0, 1]; default 5 %
 * @param minimum at least this many per agent (when the agent finished that many), 0–{@value #MAX_MINIMUM}; default 2
 */
public record SamplingPolicy(double share, int minimum) {

    public static final int MAX_MINIMUM = 100;
    public static final SamplingPolicy DEFAULT = new SamplingPolicy(0.05, 2);

    public SamplingPolicy {
        List<QualityRuleException.Violation> bad = new ArrayList<>();
        if (!(share > 0 && share <= 1)) {
            bad.add(QualityRuleException.Violation.of("share", "range", "quality.settings.share-range"));
        }
        if (minimum < 0 || minimum > MAX_MINIMUM) {
            bad.add(QualityRuleException.Violation.of("minimum", "range", "quality.settings.minimum-range", MAX_MINIMUM));
        }
        if (!bad.isEmpty()) {
            throw new QualityRuleException(QualityRuleException.Kind.INVALID, bad);
        }
    }

    /** How many of {@code finished} visits are drawn: min(finished, max(minimum, ⌈share × finished⌉)). */
    public int sampleSize(int finished) {
        if (finished <= 0) {
            return 0;
        }
        // the epsilon keeps 5 % of 40 at 2 (0.05 × 40 is 2.0000000000000004 in binary)
        int byShare = (int) Math.ceil(share * finished - 1e-9);
        return Math.min(finished, Math.max(minimum, byShare));
    }
}
