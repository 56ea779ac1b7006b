package com.huifang.survey.response.domain;

import com.huifang.survey.template.domain.Condition;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which questions to ask, in which order, given the answers so far. Order is the template's, except that a question
 * never comes before the question its branch depends on. A conditional question is shown once the question it
 * depends on is shown and answered with a matching value; until then it is not in the list.
 */
public final class QuestionFlow {

    private final SurveyTemplate template;
    private final List<Question> order;

    /** @throws IllegalStateException when the template has cyclic branches (a validated template has none) */
    public QuestionFlow(SurveyTemplate template) {
        this.template = template;
        this.order = template.askingOrder();
    }

    public SurveyTemplate template() {
        return template;
    }

    /** The questions shown given these answers, answered or not, in asking order. */
    public List<Question> shown(Collection<Answer> answers) {
        Map<String, Answer> byQuestion = index(answers);
        Set<String> shown = new HashSet<>();
        List<Question> result = new ArrayList<>();
        for (Question q : order) {
            if (q.showIf().stream().allMatch(c -> holds(c, shown, byQuestion))) {
                shown.add(q.id());
                result.add(q);
            }
        }
        return result;
    }

    /** The shown questions still unanswered, in asking order: what the agent asks next. */
    public List<Question> remaining(Collection<Answer> answers) {
        Map<String, Answer> byQuestion = index(answers);
        return shown(answers).stream().filter(q -> !byQuestion.containsKey(q.id())).toList();
    }

    public Optional<Question> next(Collection<Answer> answers) {
        return remaining(answers).stream().findFirst();
    }

    /** No required question is left unanswered. */
    public boolean complete(Collection<Answer> answers) {
        return remaining(answers).stream().noneMatch(Question::required);
    }

    private boolean holds(Condition c, Set<String> shown, Map<String, Answer> answers) {
        if (!shown.contains(c.questionId())) {
            return false;
        }
        Answer answer = answers.get(c.questionId());
        Optional<Question> source = template.question(c.questionId());
        return answer != null && source.isPresent() && answer.fits(source.get().type())
                && c.matchedBy(answer.branchValues());
    }

    /** First answer per question; duplicates are the validator's business. */
    static Map<String, Answer> index(Collection<Answer> answers) {
        Map<String, Answer> byQuestion = new LinkedHashMap<>();
        answers.forEach(a -> byQuestion.putIfAbsent(a.questionId(), a));
        return byQuestion;
    }
}
