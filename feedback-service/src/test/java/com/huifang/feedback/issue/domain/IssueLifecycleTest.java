package com.huifang.feedback.issue.domain;

import static com.huifang.feedback.issue.domain.IssueAction.*;
import static com.huifang.feedback.issue.domain.IssueState.*;
import static com.huifang.feedback.issue.domain.Issues.AGENT;
import static com.huifang.feedback.issue.domain.Issues.CLOCK;
import static com.huifang.feedback.issue.domain.Issues.HANDLER;
import static com.huifang.feedback.issue.domain.Issues.SUPERVISOR;
import static com.huifang.feedback.issue.domain.Issues.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state-changing action tried in every state, through the {@link Issue} methods: the expected table
 * below is written out independently of {@link IssueLifecycle}.
 */
class IssueLifecycleTest {

    private static final Set<IssueAction> MOVES = EnumSet.of(ACKNOWLEDGE, START, RESOLVE, CONFIRM, REOPEN, CLOSE, WAIVE);

    private static final Map<IssueState, Map<IssueAction, IssueState>> EXPECTED = Map.of(
            OPEN, Map.of(ACKNOWLEDGE, ACKNOWLEDGED, WAIVE, CLOSED),
            ACKNOWLEDGED, Map.of(START, IN_PROGRESS, WAIVE, CLOSED),
            IN_PROGRESS, Map.of(RESOLVE, RESOLVED, WAIVE, CLOSED),
            RESOLVED, Map.of(CONFIRM, CONFIRMED, REOPEN, IN_PROGRESS, WAIVE, CLOSED),
            CONFIRMED, Map.of(CLOSE, CLOSED),
            CLOSED, Map.of());

    static Stream<Arguments> everyStateAndAction() {
        var all = new ArrayList<Arguments>();
        for (var state : IssueState.values()) {
            for (var action : MOVES) {
                all.add(Arguments.of(state, action, Optional.ofNullable(EXPECTED.get(state).get(action))));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} in {0} → {2}")
    @MethodSource("everyStateAndAction")
    void eachActionIsAllowedOnlyWhereTheLifecycleSaysAndLeadsToItsState(IssueState from, IssueAction action,
                                                                         Optional<IssueState> expected) {
        var issue = Issues.in(from, "QUALITY", at("2026-03-10T09:00"));
        int auditBefore = issue.audit().size();
        var now = at("2026-03-11T09:00");
        if (expected.isPresent()) {
            var events = perform(issue, action, now);
            assertThat(issue.state()).isEqualTo(expected.get());
            assertThat(events).isNotEmpty();
            var last = issue.audit().get(issue.audit().size() - 1);
            assertThat(last.action()).isEqualTo(action);
            assertThat(last.from()).isEqualTo(from);
            assertThat(last.to()).isEqualTo(expected.get());
            assertThat(last.at()).isEqualTo(now);
        } else {
            var e = catchThrowableOfType(() -> perform(issue, action, now), IllegalIssueTransitionException.class);
            assertThat(e).as("%s in %s must be refused", action, from).isNotNull();
            assertThat(e.state()).isEqualTo(from);
            assertThat(e.action()).isEqualTo(action);
            var allowedMoves = EnumSet.noneOf(IssueAction.class);
            allowedMoves.addAll(e.allowed());
            allowedMoves.retainAll(MOVES);
            assertThat(allowedMoves).isEqualTo(EXPECTED.get(from).keySet().isEmpty()
                    ? EnumSet.noneOf(IssueAction.class) : EnumSet.copyOf(EXPECTED.get(from).keySet()));
            assertThat(e.getMessage()).contains(from.name());
            assertThat(issue.state()).isEqualTo(from);
            assertThat(issue.audit()).hasSize(auditBefore);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void lifecycleTableMatchesTheExpectedMoves(IssueState state) {
        for (var action : MOVES) {
            assertThat(IssueLifecycle.target(state, action)).isEqualTo(Optional.ofNullable(EXPECTED.get(state).get(action)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void closedIssueAllowsNothingAtAll(IssueState state) {
        assertThat(IssueLifecycle.allowed(state).isEmpty()).isEqualTo(state == CLOSED);
        assertThat(IssueLifecycle.allowed(state)).doesNotContain(RAISE);
    }

    static Stream<IssueState> states() {
        return Stream.of(IssueState.values());
    }

    private static List<IssueEvent> perform(Issue issue, IssueAction action, Instant now) {
        switch (action) {
            case ACKNOWLEDGE:
                return issue.acknowledge(HANDLER, "called back", CLOCK, now);
            case START:
                return issue.start(HANDLER, now);
            case RESOLVE:
                return issue.resolve(HANDLER, "hinge replaced", issue.latestFixDate(), CLOCK, now);
            case CONFIRM:
                return issue.confirm(AGENT, "recontact-9", now);
            case REOPEN:
                return issue.reopen(AGENT, "recontact-9", "still squeaks", now);
            case CLOSE:
                return issue.close(AGENT, now);
            case WAIVE:
                return issue.waive(SUPERVISOR, "customer moved abroad, unreachable", now);
            default:
                throw new IllegalArgumentException(action.name());
        }
    }
}
