package com.huifang.reporting.facts.domain;

import static com.huifang.reporting.facts.domain.ReportingEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisitFactTests {

    private static final Instant DUE = Instant.parse("2026-11-03T02:00:00Z");

    @Test
    void visitDueWinsOverThePlanForDueTimeAndAssignee() {
        VisitFact f = VisitFact.empty("t1", "v1")
                .apply(planned("t1", "v1", "se1", "P1", DUE, null, "PHONE", "a1"))
                .apply(due("t1", "v1", "P1", DUE.plusSeconds(3600), null, "SMS", "a2"));
        assertThat(f.dueAt()).isEqualTo(DUE.plusSeconds(3600));
        assertThat(f.agentId()).isEqualTo("a2");
        assertThat(f.channel()).isEqualTo("SMS");
        assertThat(f.serviceEventId()).isEqualTo("se1");
    }

    @Test
    void laterCompletionWinsWhicheverArrivesFirst() {
        var failed = completed("t1", "v1", "P1", "FAILED", "PHONE", "a1", DUE, null, false, 3);
        var done = event("t1", "completed-again", DUE.plusSeconds(60),
                new com.huifang.contracts.events.VisitCompleted("v1", "c", "P1", "COMPLETED", "LETTER", "a1",
                        DUE.plusSeconds(60), null, true, 4));
        VisitFact ab = VisitFact.empty("t1", "v1").apply(failed).apply(done);
        VisitFact ba = VisitFact.empty("t1", "v1").apply(done).apply(failed);
        assertThat(ab).isEqualTo(ba);
        assertThat(ab.result()).isEqualTo(VisitResult.COMPLETED);
        assertThat(ab.channel()).isEqualTo("LETTER");
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        var attempt = attempted("t1", "v1", "P1", 2, "NO_ANSWER", "a1", DUE);
        VisitFact once = VisitFact.empty("t1", "v1").apply(attempt);
        assertThat(once.apply(attempt)).isEqualTo(once);
        assertThat(once.attempted()).isTrue();
        var issue = issueRaised("t1", "i1", "v1", "NORMAL", DUE);
        VisitFact withIssue = once.apply(issue);
        assertThat(withIssue.apply(issue)).isSameAs(withIssue);
    }

    @Test
    void cancelledWithoutAttemptIsNotAttempted() {
        VisitFact f = VisitFact.empty("t1", "v1").apply(completed("t1", "v1", "P1", "CANCELLED", "PHONE", "a1", DUE,
                null, false, 0));
        assertThat(f.attempted()).isFalse();
        assertThat(f.result()).isEqualTo(VisitResult.CANCELLED);
    }

    @Test
    void unknownResultCodeLeavesTheVisitOpen() {
        VisitFact f = VisitFact.empty("t1", "v1").apply(completed("t1", "v1", "P1", "POSTPONED", "PHONE", "a1", DUE,
                null, false, 1));
        assertThat(f.result()).isNull();
        assertThat(f.attempted()).isTrue();
    }

    @Test
    void npsClassIsDerivedWhenTheEventHasNone() {
        VisitFact f = VisitFact.empty("t1", "v1").apply(survey("t1", "v1", "P1", "a1", DUE, null, null, 7, null, false));
        assertThat(f.npsClass()).isEqualTo("PASSIVE");
    }

    @Test
    void eventsOfAnotherVisitOrTenantAreRefused() {
        assertThatThrownBy(() -> VisitFact.empty("t1", "v1").apply(due("t1", "v2", "P1", DUE, null, "PHONE", "a1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VisitFact.empty("t1", "v1").apply(due("t2", "v1", "P1", DUE, null, "PHONE", "a1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVisitWithoutDueTimeIsNotReportedYet() {
        VisitFact f = VisitFact.empty("t1", "v1").apply(attempted("t1", "v1", "P1", 1, "BUSY", "a1", DUE));
        assertThat(DailyFacts.contribution(f, new ReportingProjection())).isNull();
    }

    @Test
    void incrementalUpdateEqualsRebuild() {
        ReportingProjection p = NovemberFixture.project(NovemberFixture.events());
        VisitFact before = p.visit("t1", "v7").orElseThrow();
        VisitFact after = before.apply(completed("t1", "v7", "P1", "COMPLETED", "PHONE", "a2",
                Instant.parse("2026-11-20T03:00:00Z"), null, true, 1));
        // the adapter's way: row += contribution(after) − contribution(before)
        var rows = p.dailyFacts().asMap();
        DailyFact old = DailyFacts.contribution(before, p);
        DailyFact now = DailyFacts.contribution(after, p);
        rows.get(old.key()).subtractAll(old.counters());
        rows.computeIfAbsent(now.key(), k -> new Counters()).addAll(now.counters());
        rows.values().removeIf(Counters::isZero);

        p.apply(completed("t1", "v7", "P1", "COMPLETED", "PHONE", "a2", Instant.parse("2026-11-20T03:00:00Z"), null,
                true, 1));
        assertThat(rows).isEqualTo(p.dailyFacts().asMap());
    }

    @Test
    void erasureDropsCommentsWhetherTheSurveyCameBeforeOrAfter() {
        var survey = survey("t1", "v1", "P1", "a1", DUE, 4.0, true, 9, null, false, "call me on 138 0000 0000");
        var planned = planned("t1", "v1", "se1", "P1", DUE, null, "PHONE", "a1");
        var erased = event("t1", "erased", DUE.plusSeconds(60),
                new com.huifang.contracts.events.CustomerErased("c-v1", "req", DUE.plusSeconds(60)));
        ReportingProjection before = new ReportingProjection();
        before.applyAll(java.util.List.of(planned, survey, erased));
        ReportingProjection after = new ReportingProjection();
        after.applyAll(java.util.List.of(erased, survey, planned));
        assertThat(before.snapshot()).isEqualTo(after.snapshot());
        VisitFact f = before.visit("t1", "v1").orElseThrow();
        assertThat(f.comments()).isEmpty();
        assertThat(f.rating()).isEqualTo(4.0); // the scores stay: they carry no personal data
        assertThat(f.erased()).isTrue();
    }
}
