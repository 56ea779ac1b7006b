/**
 * Issues (问题件/投诉) and their closed loop, in plain Java (no Spring, Reactor, Kafka or Mongo).
 *
 * <p>How the adapters use it, per tenant with one {@link com.huifang.feedback.issue.domain.IssueRules}
 * (routing, SLA targets, attachment limits, {@link com.huifang.feedback.sla.domain.SlaClock}):
 * <ol>
 *   <li>raise: {@code Issue.raise(RaiseIssue, rules, now)} → {@code NewIssue(issue, events)}; from a survey
 *       build the command with {@code RaiseIssue.fromSurvey(...)} and an issue id derived from the response id;</li>
 *   <li>act: {@code issue.acknowledge / start / waitOnCustomer / customerReplied / attach / resolve /
 *       recordReContact / confirm / reopen / close / waive(...)}, each returning the events it caused;</li>
 *   <li>sweep: {@code issue.applyAll(escalationPolicy.due(issue, now), now)}, as often as wished;</li>
 *   <li>save {@code issue.snapshot()} with the returned events in the outbox, in one write; load with
 *       {@code Issue.restore(snapshot)}.</li>
 * </ol>
 * Refusals are {@link com.huifang.feedback.issue.domain.IssueException}s (illegal transition → 409 with the
 * allowed actions; rule violation and rejected attachment → 400/422),
 * {@link com.huifang.feedback.routing.domain.UnknownCategoryException} and
 * {@link com.huifang.calendar.UnknownCalendarYearException}; a refused call changes nothing.
 */
package com.huifang.feedback.issue.domain;
