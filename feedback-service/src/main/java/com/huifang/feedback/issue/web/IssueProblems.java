package com.huifang.feedback.issue.web;

import com.huifang.calendar.UnknownCalendarYearException;
import com.huifang.feedback.issue.domain.AttachmentRejectedException;
import com.huifang.feedback.issue.domain.IllegalIssueTransitionException;
import com.huifang.feedback.issue.domain.IssueAction;
import com.huifang.feedback.issue.domain.IssueRuleViolation;
import com.huifang.feedback.routing.domain.UnknownCategoryException;
import com.huifang.platform.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The domain's refusals as problem responses. */
final class IssueProblems {

    /** The API verb of each action a caller may request; the others (confirm, close, escalate…) are the system's. */
    static final Map<IssueAction, String> VERBS = Map.of(
            IssueAction.ACKNOWLEDGE, "acknowledge",
            IssueAction.START, "start",
            IssueAction.RESOLVE, "resolve",
            IssueAction.WAIT_ON_CUSTOMER, "wait",
            IssueAction.CUSTOMER_REPLIED, "resume",
            IssueAction.WAIVE, "waive",
            IssueAction.ASSIGN, "assign",
            IssueAction.ATTACH, "attachments");

    private IssueProblems() {
    }

    static List<String> verbs(java.util.Collection<IssueAction> actions) {
        return actions.stream().filter(VERBS::containsKey).sorted().map(VERBS::get).toList();
    }

    static Throwable map(Throwable e) {
        if (e instanceof IllegalIssueTransitionException t) {
            return new ApiProblem(HttpStatus.CONFLICT, "illegal-transition", "feedback.problem.illegal-transition",
                    new Object[] {VERBS.getOrDefault(t.action(), t.action().name()), t.state().name(),
                            String.join(", ", verbs(t.allowed()))},
                    List.of(), Map.of("state", t.state().name(), "allowed", verbs(t.allowed())));
        }
        if (e instanceof UnknownCategoryException u) {
            return ApiProblem.invalidField("category", "unknown-category", "feedback.problem.unknown-category", u.code());
        }
        if (e instanceof AttachmentRejectedException a) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "attachment-rejected", "feedback.problem.attachment-rejected",
                    a.getMessage());
        }
        if (e instanceof IssueRuleViolation v) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "issue-rule", "feedback.problem.issue-rule", v.getMessage());
        }
        if (e instanceof UnknownCalendarYearException y) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "calendar-year-unknown",
                    "feedback.problem.calendar-year-unknown", y.year());
        }
        return e;
    }
}
