package com.huifang.survey;

import static com.huifang.survey.template.domain.AnswerOption.of;
import static com.huifang.survey.template.domain.AnswerOption.problem;

import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.Script;
import com.huifang.survey.template.domain.ScriptNote;
import com.huifang.survey.template.domain.SurveyChannel;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.List;
import java.util.Set;

/** Object mother: small templates for domain tests. */
public final class SurveyTemplates {

    public static final String TENANT = "tenant-hospital";

    private SurveyTemplates() {
    }

    /** One question of every type; "why" is asked only after a rating of 1–3. */
    public static SurveyTemplate everyType() {
        return template("every-type", 1, Set.of(SurveyChannel.LINK),
                Question.rating("overall", "您对本次服务的总体满意度是几分?"),
                Question.freeText("why", "请问哪些方面让您不满意?").showIf("overall", "1", "2", "3"),
                Question.singleChoice("nurses", "您对护士的服务满意吗?",
                        of("satisfied", "满意"), of("ok", "一般"), problem("dissatisfied", "不满意")),
                Question.multipleChoice("topics", "您希望了解哪些健康知识?",
                        of("diet", "饮食"), of("medication", "用药"), of("exercise", "康复锻炼")).optional(),
                Question.nps("recommend", "您有多大可能向亲友推荐我们医院?"),
                Question.yesNo("symptom", "出院后是否有需要医生处理的不适?").problemWhen(true));
    }

    public static SurveyTemplate template(String id, int version, Set<SurveyChannel> channels, Question... questions) {
        return new SurveyTemplate(TENANT, id, version, "测试问卷 " + id, channels,
                new Script("您好!请问是{customerName}{customerTitle}吗?我是{organisation}的{agentName}。",
                        "非常感谢您的配合,祝您身体健康!再见!",
                        "非常感谢您对医院服务的认同。",
                        "很抱歉我们有些环节的服务令您不满意,我们会认真对待您所提的意见!",
                        List.of(new ScriptNote("健康宣教", "注意饮食规律、合理用药、自我保健。"))),
                List.of(questions), null);
    }

    public static SurveyTemplate phone(String id, Question... questions) {
        return template(id, 1, Set.of(SurveyChannel.PHONE), questions);
    }
}
