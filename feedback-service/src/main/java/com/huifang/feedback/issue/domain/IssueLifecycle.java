package com.huifang.feedback.issue.domain;

import static com.huifang.feedback.issue.domain.IssueAction.*;
import static com.huifang.feedback.issue.domain.IssueState.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what may happen to an issue in each state, and the state it leads to. Actions that
 * keep the state (pause, attach, escalate…) map to the same state.
 *
 * <pre>
 * OPEN → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CONFIRMED → CLOSED
 *                           ↑──── REOPEN ────┘
 * WAIVE (supervisor, with a reason): any state but CONFIRMED and CLOSED → CLOSED
 * </pre>
 */
public final class IssueLifecycle {

    private static final Map<IssueState, Map<IssueAction, IssueState>> TABLE = new EnumMap<>(IssueState.class);

    static {
        var working = Set.of(WAIT_ON_CUSTOMER, CUSTOMER_REPLIED, ATTACH, ASSIGN, WARN, ESCALATE);
        put(OPEN, Map.of(ACKNOWLEDGE, ACKNOWLEDGED, WAIVE, CLOSED), working);
        put(ACKNOWLEDGED, Map.of(START, IN_PROGRESS, WAIVE, CLOSED), working);
        put(IN_PROGRESS, Map.of(RESOLVE, RESOLVED, WAIVE, CLOSED), working);
        put(RESOLVED, Map.of(CONFIRM, CONFIRMED, REOPEN, IN_PROGRESS, WAIVE, CLOSED), Set.of(ATTACH));
        put(CONFIRMED, Map.of(CLOSE, CLOSED), Set.of(ATTACH));
        put(CLOSED, Map.of(), Set.of());
    }

    private IssueLifecycle() {
    }

    private static void put(IssueState state, Map<IssueAction, IssueState> moves, Set<IssueAction> staying) {
        var all = new EnumMap<IssueAction, IssueState>(IssueAction.class);
        all.putAll(moves);
        staying.forEach(a -> all.put(a, state));
        TABLE.put(state, Collections.unmodifiableMap(all));
    }

    /** The actions allowed in a state. RAISE is never allowed: it creates the issue. */
    public static Set<IssueAction> allowed(IssueState state) {
        var keys = TABLE.get(state).keySet();
        return keys.isEmpty() ? Set.of() : Collections.unmodifiableSet(java.util.EnumSet.copyOf(keys));
    }

    /** The state an action leads to, if the action is allowed in {@code from}. */
    public static Optional<IssueState> target(IssueState from, IssueAction action) {
        return Optional.ofNullable(TABLE.get(from).get(action));
    }

    /** @throws IllegalIssueTransitionException listing the allowed actions */
    public static IssueState require(IssueState from, IssueAction action) {
        return target(from, action).orElseThrow(() -> new IllegalIssueTransitionException(from, action, allowed(from)));
    }
}
