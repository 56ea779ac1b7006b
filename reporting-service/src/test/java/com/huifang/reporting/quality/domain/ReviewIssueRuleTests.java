package com.huifang.reporting.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a review raises an issue against the agent (QualityReviewFailed). */
class ReviewIssueRuleTests {

    static Map<String, Integer> with(String item, int points) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (ChecklistItem i : ChecklistItem.values()) {
            m.put(i.name(), i.maxPoints());
        }
        m.put(item, points);
        return m;
    }

    static ReviewScore score(Map<String, Integer> scores) {
        return ReviewChecklist.SEED_000.score(scores, "comment");
    }

    @Test
    void aFailureOnTheTotalRaisesAnIssueOnlyWhenTheReviewerAsks() {
        Map<String, Integer> sloppy = with("SCRIPT", 0);
        sloppy.put("CLOSING", 5);
        ReviewScore s = score(sloppy);
        assertThat(s.passed()).isFalse();
        assertThat(s.raisesIssue(false)).isFalse();
        assertThat(s.raisesIssue(true)).isTrue();
    }

    @Test
    void aFailedCriticalItemRaisesAnIssueEvenUnasked() {
        assertThat(score(with("IDENTITY", 19)).raisesIssue(false)).isTrue();
        assertThat(score(with("NO_PROMISE", 0)).raisesIssue(false)).isTrue();
    }

    @Test
    void aPassedReviewNeverRaisesOneAndAskingForOneIsRejected() {
        ReviewScore passed = score(with("GREETING", 5));
        assertThat(passed.passed()).isTrue();
        assertThat(passed.raisesIssue(false)).isFalse();
        assertThatThrownBy(() -> passed.raisesIssue(true)).isInstanceOfSatisfying(QualityRuleException.class,
                e -> assertThat(e.violations()).extracting(QualityRuleException.Violation::field)
                        .containsExactly("raiseIssue"));
    }
}
