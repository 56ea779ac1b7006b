package com.huifang.survey.link.web;

import com.huifang.survey.link.domain.TokenOutcome;
import com.huifang.survey.response.domain.AnswerError;
import com.huifang.survey.template.domain.AnswerOption;
import com.huifang.survey.template.domain.Condition;
import com.huifang.survey.template.domain.Question;
import com.huifang.survey.template.domain.QuestionType;
import com.huifang.survey.template.domain.ScriptContext;
import com.huifang.survey.template.domain.ScriptRenderer;
import com.huifang.survey.template.domain.SurveyTemplate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the customer's survey pages: mobile first, self-contained (inline style and a small inline script
 * for branching, nothing loaded from elsewhere), zh-CN or en. Every text that comes from a template or a request is
 * escaped.
 */
final class SurveyPage {

    private static final ScriptRenderer RENDERER = ScriptRenderer.chinese();

    private final boolean english;

    SurveyPage(Locale locale) {
        this.english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private String t(String zh, String en) {
        return english ? en : zh;
    }

    String form(SurveyTemplate template, List<AnswerError> errors, Map<String, List<String>> previous) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(template.name())).append("</h1>\n");
        body.append("<p class=\"intro\">").append(t("感谢您抽出时间填写本问卷,您的意见将帮助我们改进服务。",
                "Thank you for taking a minute to answer: your opinion helps us improve our service.")).append("</p>\n");
        if (!errors.isEmpty()) {
            body.append("<div class=\"errors\" role=\"alert\" id=\"errors\"><p>")
                    .append(t("请检查以下问题:", "Please check these answers:")).append("</p><ul>");
            for (AnswerError e : errors) {
                String question = e.questionId() == null ? "" : template.question(e.questionId())
                        .map(q -> RENDERER.render(q.text(), ScriptContext.empty())).orElse(e.questionId());
                body.append("<li>").append(esc(question)).append(question.isEmpty() ? "" : " — ")
                        .append(esc(errorText(e.code()))).append("</li>");
            }
            body.append("</ul></div>\n");
        }
        body.append("<form id=\"survey\" method=\"post\" accept-charset=\"UTF-8\">\n");
        body.append("<input type=\"hidden\" name=\"lang\" value=\"").append(english ? "en" : "zh-CN").append("\">\n");
        for (Question q : template.askingOrder()) {
            question(body, q, previous);
        }
        body.append("<button type=\"submit\" id=\"submit\">").append(t("提交", "Submit")).append("</button>\n");
        body.append("</form>\n");
        body.append("<script>").append(BRANCHING).append("</script>\n");
        return page(template.name(), body.toString());
    }

    private void question(StringBuilder out, Question q, Map<String, List<String>> previous) {
        String name = "q." + q.id();
        Set<String> chosen = new LinkedHashSet<>(previous.getOrDefault(name, List.of()));
        String showIf = q.showIf().stream().map(SurveyPage::conditionJson).collect(Collectors.joining(",", "[", "]"));
        out.append("<fieldset class=\"q\" id=\"").append(esc("q-" + q.id())).append("\" data-qid=\"")
                .append(esc(q.id())).append("\" data-show-if=\"").append(esc(showIf)).append("\">\n<legend>")
                .append(esc(RENDERER.render(q.text(), ScriptContext.empty())))
                .append(q.required() ? " <span class=\"req\" aria-hidden=\"true\">*</span>" : "").append("</legend>\n");
        String required = q.required() ? " required" : "";
        switch (q.type()) {
            case SINGLE_CHOICE -> q.options().forEach(o -> choice(out, q, "radio", o, chosen, required));
            case MULTIPLE_CHOICE -> q.options().forEach(o -> choice(out, q, "checkbox", o, chosen, ""));
            case RATING_1_5, NPS_0_10 -> {
                out.append("<div class=\"scale\">");
                for (int n = q.type().min(); n <= q.type().max(); n++) {
                    input(out, q, "radio", Integer.toString(n), Integer.toString(n), chosen, required);
                }
                out.append("</div><p class=\"hint\">").append(q.type() == QuestionType.RATING_1_5
                        ? t("1 = 很不满意,5 = 很满意", "1 = very dissatisfied, 5 = very satisfied")
                        : t("0 = 完全不会推荐,10 = 非常愿意推荐", "0 = not at all likely, 10 = extremely likely"))
                        .append("</p>");
            }
            case YES_NO -> {
                input(out, q, "radio", QuestionType.YES, t("是", "Yes"), chosen, required);
                input(out, q, "radio", QuestionType.NO, t("否", "No"), chosen, required);
            }
            case FREE_TEXT -> out.append("<textarea name=\"").append(esc(name)).append("\" id=\"")
                    .append(esc("q-" + q.id() + "-text")).append("\" maxlength=\"2000\" rows=\"4\"").append(required)
                    .append(">").append(esc(String.join("", chosen))).append("</textarea>");
        }
        out.append("\n</fieldset>\n");
    }

    private void choice(StringBuilder out, Question q, String type, AnswerOption o, Set<String> chosen,
                        String required) {
        input(out, q, type, o.id(), o.label(), chosen, required);
    }

    private static void input(StringBuilder out, Question q, String type, String value, String label,
                              Set<String> chosen, String required) {
        String id = "q-" + q.id() + "-" + value;
        out.append("<label class=\"opt\" for=\"").append(esc(id)).append("\"><input type=\"").append(type)
                .append("\" name=\"").append(esc("q." + q.id())).append("\" id=\"").append(esc(id))
                .append("\" value=\"").append(esc(value)).append("\"")
                .append(chosen.contains(value) ? " checked" : "").append(required).append("><span>")
                .append(esc(label)).append("</span></label>");
    }

    String thanks(SurveyTemplate template) {
        String closing = RENDERER.render(template.script().closing(), ScriptContext.empty());
        String body = "<h1 id=\"thanks\">" + t("提交成功,谢谢您!", "Thank you!") + "</h1>\n<p>"
                + t("我们已收到您的回答。", "We have received your answers.") + "</p>\n"
                + (closing.isBlank() || english ? "" : "<p>" + esc(closing) + "</p>\n");
        return page(t("谢谢", "Thank you"), body);
    }

    String refused(TokenOutcome outcome) {
        String title;
        String text;
        switch (outcome) {
            case USED -> {
                title = t("您已提交过本问卷", "You have already answered");
                text = t("每个链接只能提交一次。感谢您的反馈!", "Each link can be used once. Thank you for your feedback!");
            }
            case EXPIRED -> {
                title = t("链接已过期", "This link has expired");
                text = t("很抱歉,本问卷的填写时间已过。如有意见或建议,欢迎随时联系我们。",
                        "Sorry, the time to answer this survey is over. You are welcome to contact us at any time.");
            }
            default -> {
                title = t("未找到该问卷", "Survey not found");
                text = t("链接可能不完整或有误,请检查短信或邮件中的链接。",
                        "The link may be incomplete or mistyped: please check the link in your message.");
            }
        }
        return page(title, "<h1 id=\"outcome\" data-outcome=\"" + outcome.name() + "\">" + esc(title) + "</h1>\n<p>"
                + esc(text) + "</p>\n");
    }

    private String errorText(AnswerError.Code code) {
        return switch (code) {
            case REQUIRED_MISSING, EMPTY_ANSWER -> t("请回答此题", "please answer this question");
            case OUT_OF_RANGE, UNKNOWN_OPTION, WRONG_TYPE -> t("请选择列出的选项", "please choose one of the options");
            case TOO_LONG -> t("内容过长", "the text is too long");
            case BRANCH_NOT_TAKEN -> t("根据您的其他回答,此题无需回答", "this question does not apply given your other answers");
            default -> t("回答无效", "invalid answer");
        };
    }

    private String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + (english ? "en" : "zh-CN") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n<title>" + esc(title) + "</title>\n<style>" + STYLE
                + "</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    private static String conditionJson(Condition c) {
        return "{\"q\":" + jsonString(c.questionId()) + ",\"anyOf\":" + c.anyOf().stream().sorted()
                .map(SurveyPage::jsonString).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;\
            background:#f5f6f8;color:#222}main{max-width:640px;margin:0 auto;padding:16px}h1{font-size:1.3em}\
            .q{border:0;background:#fff;border-radius:8px;margin:0 0 12px;padding:12px}.q[hidden]{display:none}\
            legend{font-weight:600;padding:0;margin-bottom:8px}.req{color:#c00}.opt{display:block;padding:8px 0}\
            .scale .opt{display:inline-block;min-width:2.6em;text-align:center}.hint{color:#666;font-size:.85em;margin:4px 0 0}\
            textarea{width:100%;font:inherit}button{width:100%;padding:12px;font-size:1.1em;border:0;border-radius:8px;\
            background:#1677ff;color:#fff}.errors{background:#fff1f0;border:1px solid #ffa39e;border-radius:8px;padding:8px 12px;\
            margin-bottom:12px}""";

    /** Shows a question only when the questions it depends on are shown and answered as its condition says. */
    private static final String BRANCHING = """
            (function(){var f=document.getElementById('survey');if(!f)return;\
            var qs=Array.prototype.slice.call(f.querySelectorAll('fieldset[data-qid]'));\
            function vals(fs){return Array.prototype.slice.call(fs.querySelectorAll('input:checked')).map(function(i){return i.value;});}\
            function update(){var shown={};qs.forEach(function(fs){var cs=JSON.parse(fs.getAttribute('data-show-if')||'[]');\
            var ok=cs.every(function(c){var s=shown[c.q];if(!s)return false;return vals(s).some(function(v){return c.anyOf.indexOf(v)>=0;});});\
            fs.hidden=!ok;fs.disabled=!ok;if(ok)shown[fs.getAttribute('data-qid')]=fs;});}\
            f.addEventListener('change',update);update();})();""";
}
