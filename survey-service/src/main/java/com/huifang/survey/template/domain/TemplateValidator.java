package com.huifang.survey.template.domain;

import com.huifang.survey.template.domain.TemplateProblem.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a template before it is saved. Errors (rejected): duplicate ids, branches to unknown questions or values,
 * cyclic branches, questions that can never be shown, unknown placeholders. Warnings (saved anyway): a phone survey
 * with more than {@value #PHONE_QUESTION_LIMIT} questions, several NPS questions.
 */
public final class TemplateValidator {

    /** PRODUCT.md, Surveys: "a warning when a phone survey has more than 5 questions". */
    public static final int PHONE_QUESTION_LIMIT = 5;

    public TemplateValidation validate(SurveyTemplate template) {
        List<TemplateProblem> errors = new ArrayList<>();
        List<TemplateProblem> warnings = new ArrayList<>();

        if (template.questions().isEmpty()) {
            errors.add(problem(Code.NO_QUESTIONS, null, "the template has no questions"));
        }
        if (template.channels().isEmpty()) {
            errors.add(problem(Code.NO_CHANNEL, null, "the template names no channel (PHONE, LINK, IN_PERSON)"));
        }

        Map<String, Question> byId = new LinkedHashMap<>();
        for (Question q : template.questions()) {
            if (q.id().isBlank()) {
                errors.add(problem(Code.BLANK_ID, null, "a question has a blank id"));
            } else if (byId.putIfAbsent(q.id(), q) != null) {
                errors.add(problem(Code.DUPLICATE_QUESTION_ID, q.id(), "question id '" + q.id() + "' is used twice"));
            }
            checkQuestion(q, errors);
        }

        boolean branchesWellFormed = checkConditions(template, byId, errors);
        boolean acyclic = checkCycles(template, byId, errors);
        if (branchesWellFormed && acyclic && errors.stream().noneMatch(e -> e.code() == Code.DUPLICATE_QUESTION_ID)) {
            checkReachability(template, byId, errors);
        }

        String csat = template.csatQuestionId();
        if (csat != null && (byId.get(csat) == null || byId.get(csat).type() != QuestionType.RATING_1_5)) {
            errors.add(problem(Code.INVALID_CSAT_QUESTION, csat,
                    "the CSAT question '" + csat + "' must be a 1–5 rating question of the template"));
        }
        checkPlaceholders(template, errors);

        int count = template.questions().size();
        if (template.askedBy(SurveyChannel.PHONE) && count > PHONE_QUESTION_LIMIT) {
            warnings.add(problem(Code.LONG_PHONE_SURVEY, null, "a phone survey with " + count
                    + " questions (more than " + PHONE_QUESTION_LIMIT + ") tires the customer; consider shortening it"));
        }
        long npsQuestions = template.questions().stream().filter(q -> q.type() == QuestionType.NPS_0_10).count();
        if (npsQuestions > 1) {
            warnings.add(problem(Code.SEVERAL_NPS_QUESTIONS, null,
                    npsQuestions + " NPS questions: only the first one answered counts for the NPS score"));
        }
        return new TemplateValidation(errors, warnings);
    }

    private static void checkQuestion(Question q, List<TemplateProblem> errors) {
        if (q.text().isBlank()) {
            errors.add(problem(Code.BLANK_TEXT, q.id(), "question '" + q.id() + "' has no text"));
        }
        QuestionType type = q.type();
        if (type.isChoice()) {
            int minimum = type == QuestionType.SINGLE_CHOICE ? 2 : 1;
            if (q.options().size() < minimum) {
                errors.add(problem(Code.MISSING_OPTIONS, q.id(),
                        "choice question '" + q.id() + "' needs at least " + minimum + " options"));
            }
            Set<String> seen = new HashSet<>();
            for (AnswerOption option : q.options()) {
                if (option.id().isBlank() || option.label().isBlank()) {
                    errors.add(problem(Code.BLANK_ID, q.id(), "question '" + q.id() + "' has an option without id or label"));
                } else if (!seen.add(option.id())) {
                    errors.add(problem(Code.DUPLICATE_OPTION_ID, q.id(),
                            "option id '" + option.id() + "' is used twice in question '" + q.id() + "'"));
                }
            }
        } else if (!q.options().isEmpty()) {
            errors.add(problem(Code.OPTIONS_ON_NON_CHOICE, q.id(),
                    "question '" + q.id() + "' of type " + type + " cannot have options"));
        }
        if (q.problemAtMost() != null
                && (!type.isNumeric() || q.problemAtMost() < type.min() || q.problemAtMost() >= type.max())) {
            errors.add(problem(Code.INVALID_PROBLEM_MARK, q.id(), "question '" + q.id() + "': problemAtMost "
                    + q.problemAtMost() + " needs a rating/NPS question and a value below its maximum"));
        }
        if (q.problemWhen() != null && type != QuestionType.YES_NO) {
            errors.add(problem(Code.INVALID_PROBLEM_MARK, q.id(),
                    "question '" + q.id() + "': problemWhen applies to yes/no questions only"));
        }
    }

    /** @return whether every condition names a known question and known values */
    private static boolean checkConditions(SurveyTemplate template, Map<String, Question> byId,
                                           List<TemplateProblem> errors) {
        boolean ok = true;
        for (Question q : template.questions()) {
            for (Condition c : q.showIf()) {
                Question source = byId.get(c.questionId());
                List<String> path = List.of(q.id(), c.questionId());
                if (source == null) {
                    errors.add(new TemplateProblem(Code.UNKNOWN_BRANCH_QUESTION, q.id(), path,
                            "question '" + q.id() + "' depends on unknown question '" + c.questionId() + "'"));
                    ok = false;
                } else if (source.type() == QuestionType.FREE_TEXT) {
                    errors.add(new TemplateProblem(Code.BRANCH_ON_FREE_TEXT, q.id(), path, "question '" + q.id()
                            + "' depends on free-text question '" + source.id() + "', which cannot drive a branch"));
                    ok = false;
                } else if (c.anyOf().isEmpty()) {
                    errors.add(new TemplateProblem(Code.UNREACHABLE_QUESTION, q.id(), path, "question '" + q.id()
                            + "' depends on '" + source.id() + "' with no answer value, so it is never shown"));
                    ok = false;
                } else {
                    Set<String> unknown = new LinkedHashSet<>(c.anyOf());
                    unknown.removeAll(source.branchValues());
                    if (!unknown.isEmpty()) {
                        errors.add(new TemplateProblem(Code.UNKNOWN_BRANCH_VALUE, q.id(), path,
                                "question '" + q.id() + "' depends on answers " + sorted(unknown)
                                        + " that question '" + source.id() + "' does not have (it has "
                                        + source.branchValues() + ")"));
                        ok = false;
                    }
                }
            }
        }
        return ok;
    }

    /** Depth-first search along "shown only after" edges; each cycle reported once, starting at its earliest question. */
    private static boolean checkCycles(SurveyTemplate template, Map<String, Question> byId,
                                       List<TemplateProblem> errors) {
        Map<String, Integer> position = new HashMap<>();
        template.questions().forEach(q -> position.putIfAbsent(q.id(), position.size()));
        Set<String> done = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        List<String> stack = new ArrayList<>();
        for (Question q : byId.values()) {
            visit(q.id(), byId, done, stack, reported, position, errors);
        }
        return reported.isEmpty();
    }

    private static void visit(String id, Map<String, Question> byId, Set<String> done, List<String> stack,
                              Set<Set<String>> reported, Map<String, Integer> position,
                              List<TemplateProblem> errors) {
        if (done.contains(id)) {
            return;
        }
        int onStack = stack.indexOf(id);
        if (onStack >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(onStack, stack.size()));
            if (reported.add(Set.copyOf(cycle))) {
                int start = 0;
                for (int i = 1; i < cycle.size(); i++) {
                    if (position.get(cycle.get(i)) < position.get(cycle.get(start))) {
                        start = i;
                    }
                }
                List<String> path = new ArrayList<>();
                for (int i = 0; i <= cycle.size(); i++) {
                    path.add(cycle.get((start + i) % cycle.size()));
                }
                errors.add(new TemplateProblem(Code.CYCLIC_BRANCH, path.get(0), path,
                        "cyclic branch: question '" + path.get(0) + "' is shown only after "
                                + String.join(" → ", path) + ", so none of them can be asked"));
            }
            return;
        }
        Question q = byId.get(id);
        if (q == null) {
            return;
        }
        stack.add(id);
        for (Condition c : q.showIf()) {
            visit(c.questionId(), byId, done, stack, reported, position, errors);
        }
        stack.remove(stack.size() - 1);
        done.add(id);
    }

    /**
     * A question is unreachable when the answers it needs contradict each other: directly (two conditions on the same
     * single-answer question with disjoint values) or through the questions it depends on (it needs A = yes, but
     * the question it follows is itself shown only when A = no), or when a question it depends on is unreachable.
     */
    private static void checkReachability(SurveyTemplate template, Map<String, Question> byId,
                                          List<TemplateProblem> errors) {
        Map<String, Map<String, Need>> needsOf = new HashMap<>();
        Set<String> unreachable = new HashSet<>();
        for (Question q : template.askingOrder()) {
            Map<String, Need> needs = new HashMap<>();
            TemplateProblem contradiction = null;
            for (Condition c : q.showIf()) {
                if (unreachable.contains(c.questionId())) {
                    contradiction = new TemplateProblem(Code.UNREACHABLE_QUESTION, q.id(), List.of(q.id(), c.questionId()),
                            "question '" + q.id() + "' is never shown: it follows question '" + c.questionId()
                                    + "', which is never shown");
                    break;
                }
                List<String> direct = List.of(q.id(), c.questionId());
                contradiction = need(q, byId.get(c.questionId()), c.anyOf(), direct, needs);
                if (contradiction != null) {
                    break;
                }
                for (Need inherited : needsOf.getOrDefault(c.questionId(), Map.of()).values()) {
                    List<String> path = Stream.concat(Stream.of(q.id()), inherited.path().stream()).toList();
                    contradiction = need(q, byId.get(inherited.questionId()), inherited.values(), path, needs);
                    if (contradiction != null) {
                        break;
                    }
                }
                if (contradiction != null) {
                    break;
                }
            }
            if (contradiction != null) {
                errors.add(contradiction);
                unreachable.add(q.id());
            } else {
                needsOf.put(q.id(), needs);
            }
        }
    }

    /** Adds "source answered one of values" to the needs of q; returns the problem if it contradicts an earlier need. */
    private static TemplateProblem need(Question q, Question source, Set<String> values, List<String> path,
                                        Map<String, Need> needs) {
        if (!source.type().singleValued()) {
            return null; // several options may be chosen at once: conditions on a multiple choice never contradict
        }
        Need earlier = needs.get(source.id());
        if (earlier == null) {
            needs.put(source.id(), new Need(source.id(), Set.copyOf(values), path));
            return null;
        }
        Set<String> both = new HashSet<>(earlier.values());
        both.retainAll(values);
        if (both.isEmpty()) {
            return new TemplateProblem(Code.UNREACHABLE_QUESTION, q.id(), path, "question '" + q.id()
                    + "' is never shown: it needs '" + source.id() + "' answered " + sorted(earlier.values())
                    + " (via " + String.join(" → ", earlier.path()) + ") and " + sorted(values)
                    + " (via " + String.join(" → ", path) + ")");
        }
        needs.put(source.id(), new Need(source.id(), both, earlier.path()));
        return null;
    }

    private record Need(String questionId, Set<String> values, List<String> path) {
    }

    private static void checkPlaceholders(SurveyTemplate template, List<TemplateProblem> errors) {
        Script s = template.script();
        Stream<String> scriptTexts = Stream.concat(
                Stream.of(s.opening(), s.closing(), s.replyToSatisfied(), s.replyToDissatisfied()),
                s.notes().stream().flatMap(n -> Stream.of(n.title(), n.text())));
        scriptTexts.forEach(text -> unknownPlaceholders(text).forEach(token -> errors.add(problem(
                Code.UNKNOWN_PLACEHOLDER, null, "unknown placeholder {" + token + "} in the script; known: "
                        + knownPlaceholders()))));
        for (Question q : template.questions()) {
            unknownPlaceholders(q.text()).forEach(token -> errors.add(problem(Code.UNKNOWN_PLACEHOLDER, q.id(),
                    "unknown placeholder {" + token + "} in question '" + q.id() + "'; known: " + knownPlaceholders())));
        }
    }

    private static List<String> unknownPlaceholders(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = Placeholder.TOKEN.matcher(text);
        while (m.find()) {
            if (Placeholder.byToken(m.group(1)).isEmpty()) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    private static String knownPlaceholders() {
        return Stream.of(Placeholder.values()).map(p -> "{" + p.token() + "}").collect(Collectors.joining(", "));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static TemplateProblem problem(Code code, String questionId, String message) {
        return new TemplateProblem(code, questionId, List.of(), message);
    }
}
