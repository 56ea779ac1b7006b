package com.huifang.reporting.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The etiquette checklist of seed 000: scoring, the pass rule, critical items, bad input. */
class ReviewChecklistTests {

    static final ReviewChecklist CHECKLIST = ReviewChecklist.SEED_000;

    static Map<String, Integer> full() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (ChecklistItem i : ChecklistItem.values()) {
            m.put(i.name(), i.maxPoints());
        }
        return m;
    }

    static Map<String, Integer> with(String item, int points) {
        Map<String, Integer> m = full();
        m.put(item, points);
        return m;
    }

    static QualityRuleException rejected(Map<String, Integer> scores, String comments) {
        try {
            CHECKLIST.score(scores, comments);
        } catch (QualityRuleException e) {
            return e;
        }
        throw new AssertionError("accepted " + scores);
    }

    @Test
    void theChecklistCoversSeedZeroEtiquetteAndAddsUpToOneHundred() {
        assertThat(ChecklistItem.values()).extracting(Enum::name)
                .containsExactly("GREETING", "IDENTITY", "SCRIPT", "NO_PROMISE", "COURTESY", "CLOSING");
        assertThat(CHECKLIST.maxPoints()).isEqualTo(100);
    }

    @Test
    void fullPointsPassWithoutComments() {
        ReviewScore s = CHECKLIST.score(full(), null);
        assertThat(s.total()).isEqualTo(100);
        assertThat(s.passed()).isTrue();
        assertThat(s.failedItems()).isEmpty();
        assertThat(s.percent()).isEqualTo(100.0);
    }

    @Test
    void exactlyThePassMarkPassesAndOnePointLessFails() {
        Map<String, Integer> eighty = with("COURTESY", 0);           // 80
        assertThat(CHECKLIST.score(eighty, null).passed()).isTrue();
        Map<String, Integer> seventyNine = with("COURTESY", 0);
        seventyNine.put("GREETING", 9);
        ReviewScore s = CHECKLIST.score(seventyNine, "问候语不完整,语气生硬");
        assertThat(s.passed()).isFalse();
        assertThat(s.failedItems()).containsExactly(ChecklistItem.GREETING, ChecklistItem.COURTESY);
    }

    @Test
    void aPromiseBeyondPolicyFailsTheReviewWhateverTheTotal() {
        ReviewScore s = CHECKLIST.score(with("NO_PROMISE", 10), "承诺了免费上门维修");
        assertThat(s.total()).isEqualTo(90);
        assertThat(s.passed()).isFalse();
        assertThat(s.failedItems()).containsExactly(ChecklistItem.NO_PROMISE);
    }

    @Test
    void aFailedReviewWithoutCommentsIsRejected() {
        assertThat(rejected(with("IDENTITY", 0), " ").violations())
                .extracting(QualityRuleException.Violation::field).containsExactly("comments");
    }

    @Test
    void missingUnknownAndOutOfRangeItemsAreAllReported() {
        Map<String, Integer> scores = new HashMap<>(full());
        scores.remove("CLOSING");
        scores.put("SMILE", 5);
        scores.put("GREETING", 11);
        scores.put("SCRIPT", -1);
        assertThat(rejected(scores, null).violations()).extracting(QualityRuleException.Violation::field)
                .containsExactlyInAnyOrder("scores.SMILE", "scores.GREETING", "scores.SCRIPT", "scores.CLOSING");
        assertThat(rejected(null, null).violations()).hasSize(ChecklistItem.values().length);
        assertThat(rejected(full(), "x".repeat(2001)).violations())
                .extracting(QualityRuleException.Violation::field).containsExactly("comments");
    }

    @Test
    void aReviewerNeverReviewsTheirOwnVisit() {
        assertThatThrownBy(() -> ReviewChecklist.requireNotOwnVisit("a1", "a1"))
                .isInstanceOfSatisfying(QualityRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(QualityRuleException.Kind.OWN_VISIT));
        ReviewChecklist.requireNotOwnVisit("rev1", "a1");
    }

    @Test
    void reviewSummariesCountPassedAndFailedAndAverageThePercentScore() {
        var summary = AgentReviewSummary.of(java.util.List.of(
                new AgentReviewSummary.Outcome("a1", 100, 100, true),
                new AgentReviewSummary.Outcome("a1", 70, 100, false),
                new AgentReviewSummary.Outcome("a2", 85, 100, true)));
        assertThat(summary.get("a1")).isEqualTo(new AgentReviewSummary("a1", 2, 1, 1, 85.0));
        assertThat(summary.get("a2")).isEqualTo(new AgentReviewSummary("a2", 1, 1, 0, 85.0));
    }
}
