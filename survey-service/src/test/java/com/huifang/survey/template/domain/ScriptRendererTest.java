package com.huifang.survey.template.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.survey.SurveyTemplates;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScriptRendererTest {

    private final ScriptRenderer renderer = ScriptRenderer.chinese();

    @Test
    void fillsEveryPlaceholder() {
        var context = new ScriptContext("王", CustomerTitle.MR, "小李", "仁和医院", LocalDate.of(2025, 3, 5));
        String text = renderer.render("您好!请问是{customerName}{customerTitle}吗?我是{organisation}的回访员{agentName},"
                + "您于{eventDate}出院。", context);
        assertThat(text).isEqualTo("您好!请问是王先生吗?我是仁和医院的回访员小李,您于3月5日出院。");
    }

    @Test
    void missingValuesBecomeNeutralFallbacksNeverBraces() {
        String text = renderer.render("请问是{customerName}{customerTitle}吗?我是{organisation}的{agentName},您于{eventDate}出院。",
                ScriptContext.empty());
        assertThat(text).isEqualTo("请问是客户吗?我是我们的回访专员,您于近期出院。").doesNotContain("{");
    }

    @Test
    void titleIsShownOnlyAfterAKnownName() {
        var context = new ScriptContext("  ", CustomerTitle.MS, null, null, null);
        assertThat(renderer.render("{customerName}{customerTitle}您好", context)).isEqualTo("客户您好");
    }

    @Test
    void valueLookingLikeAPlaceholderIsShownAsItIs() {
        var context = new ScriptContext("{agentName}", null, "小李", null, null);
        assertThat(renderer.render("{customerName}/{agentName}", context)).isEqualTo("{agentName}/小李");
    }

    @Test
    void nothingIsEscapedHere() {
        var context = new ScriptContext("<b>王&</b>", null, null, null, null);
        assertThat(renderer.render("{customerName}", context)).isEqualTo("<b>王&</b>");
    }

    @Test
    void rendersTheWholeScriptAndQuestionsInAskingOrder() {
        RenderedScript script = renderer.render(SurveyTemplates.everyType(),
                new ScriptContext("张", CustomerTitle.MS, "小王", "仁和医院", null));
        assertThat(script.opening()).isEqualTo("您好!请问是张女士吗?我是仁和医院的小王。");
        assertThat(script.replyToDissatisfied()).startsWith("很抱歉");
        assertThat(script.notes()).hasSize(1);
        assertThat(script.questions()).hasSize(6);
    }
}
