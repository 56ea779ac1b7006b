package com.huifang.feedback.sla.domain;

import static com.huifang.feedback.issue.domain.Issues.CLOCK;
import static com.huifang.feedback.issue.domain.Issues.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.feedback.issue.domain.IssueEvent;
import com.huifang.feedback.issue.domain.Issues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Over 2026 (holidays and make-up days included), in minutes from 1 January 00:00 Shanghai. */
class SlaPropertiesTest {

    private static final Instant YEAR_START = Issues.at("2026-01-01T00:00");
    private static final int MINUTES_IN_2026_BUT_A_MONTH = 334 * 24 * 60;

    private static Instant minute(int m) {
        return YEAR_START.plus(Duration.ofMinutes(m));
    }

    @Property(tries = 300)
    void businessTimeElapsedAtTheDueInstantIsExactlyTheBudget(
            @ForAll @IntRange(max = MINUTES_IN_2026_BUT_A_MONTH) int start,
            @ForAll @IntRange(min = 1, max = 5 * 8 * 60) int budgetMinutes,
            @ForAll @Size(max = 3) List<@IntRange(max = 6 * 24 * 60) Integer> pauseOffsets,
            @ForAll @IntRange(min = 0, max = 2 * 24 * 60) int pauseLength) {
        var timer = SlaTimer.start(SlaKind.RESOLUTION, minute(start), Duration.ofMinutes(budgetMinutes));
        int cursor = start;
        for (int offset : pauseOffsets.stream().sorted().toList()) {
            int from = Math.max(cursor, start + offset);
            timer = timer.pause(minute(from)).resume(minute(from + pauseLength));
            cursor = from + pauseLength;
        }
        var now = minute(cursor);
        var due = CLOCK.due(timer, now).orElseThrow();
        assertThat(CLOCK.elapsed(timer, due.isAfter(now) ? due : now).compareTo(timer.budget()))
                .isGreaterThanOrEqualTo(0);
        if (due.isAfter(now)) {
            assertThat(CLOCK.elapsed(timer, due)).isEqualTo(timer.budget());
            assertThat(CLOCK.metAt(timer, due)).isTrue();
        }
    }

    @Property(tries = 200)
    void pausingNeverMakesAnIssueDueEarlier(
            @ForAll @IntRange(max = MINUTES_IN_2026_BUT_A_MONTH) int start,
            @ForAll @IntRange(min = 1, max = 3 * 8 * 60) int budgetMinutes,
            @ForAll @IntRange(max = 3 * 24 * 60) int pauseOffset,
            @ForAll @IntRange(max = 3 * 24 * 60) int pauseLength) {
        var plain = SlaTimer.start(SlaKind.FIRST_RESPONSE, minute(start), Duration.ofMinutes(budgetMinutes));
        var paused = plain.pause(minute(start + pauseOffset)).resume(minute(start + pauseOffset + pauseLength));
        var now = minute(start + pauseOffset + pauseLength);
        assertThat(CLOCK.due(paused, now).orElseThrow()).isAfterOrEqualTo(CLOCK.due(plain, now).orElseThrow());
    }

    /**
     * However often and whenever a sweeper runs, each escalation level is reached at most once, in order,
     * each clock is warned at most once, and the issue ends where a single sweep at the last instant puts it.
     */
    @Property(tries = 200)
    void sweepingRepeatedlyEscalatesEachLevelOnceAndEndsWhereOneSweepWould(
            @ForAll @IntRange(max = MINUTES_IN_2026_BUT_A_MONTH) int raisedAt,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(max = 5 * 24 * 60) Integer> sweepOffsets,
            @ForAll boolean acknowledgeFirst) {
        var issue = Issues.raised(acknowledgeFirst ? "QUALITY" : "DELIVERY", minute(raisedAt));
        var once = Issues.raised(acknowledgeFirst ? "QUALITY" : "DELIVERY", minute(raisedAt));
        if (acknowledgeFirst) {
            issue.acknowledge(Issues.HANDLER, "called", CLOCK, minute(raisedAt + 1));
            once.acknowledge(Issues.HANDLER, "called", CLOCK, minute(raisedAt + 1));
        }
        var events = new ArrayList<IssueEvent>();
        var sorted = sweepOffsets.stream().sorted().toList();
        for (int offset : sorted) {
            var now = minute(raisedAt + 2 + offset);
            events.addAll(issue.applyAll(ESCALATION.due(issue, now), now));
            events.addAll(issue.applyAll(ESCALATION.due(issue, now), now)); // a second sweeper at the same instant
            var next = ESCALATION.nextAlertAt(issue, now);
            if (next.isPresent()) {
                // nothing is due before the announced instant, something is due at it
                assertThat(next.get()).isAfter(now);
                assertThat(ESCALATION.due(issue, next.get().minusNanos(1))).isEmpty();
                assertThat(ESCALATION.due(issue, next.get())).isNotEmpty();
            }
        }
        var levels = EscalationPolicyTest.levels(events);
        assertThat(levels).doesNotHaveDuplicates().isSorted();
        assertThat(events.stream().filter(e -> e instanceof IssueEvent.SlaWarning)
                .map(e -> ((IssueEvent.SlaWarning) e).clock()).toList()).doesNotHaveDuplicates();

        var last = minute(raisedAt + 2 + sorted.get(sorted.size() - 1));
        once.applyAll(ESCALATION.due(once, last), last);
        assertThat(issue.escalationLevel()).isEqualTo(once.escalationLevel());
        assertThat(ESCALATION.due(issue, last)).isEmpty();
    }
}
