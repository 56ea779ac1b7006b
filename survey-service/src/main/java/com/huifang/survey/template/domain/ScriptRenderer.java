package com.huifang.survey.template.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Fills the placeholders of a script. A missing value becomes a neutral fallback (e.g. "客户"), so a customer never
 * reads "{customerName}"; a title (先生/女士) is shown only after a known name. Substitution is a single pass: a
 * value that itself looks like a placeholder is shown as it is. Nothing is escaped here; the web layer escapes.
 */
public final class ScriptRenderer {

    private final Map<Placeholder, String> fallbacks;
    private final DateTimeFormatter dateFormat;

    public ScriptRenderer(Map<Placeholder, String> fallbacks, DateTimeFormatter dateFormat) {
        this.fallbacks = new EnumMap<>(Placeholder.class);
        for (Placeholder p : Placeholder.values()) {
            this.fallbacks.put(p, fallbacks.getOrDefault(p, ""));
        }
        this.dateFormat = dateFormat;
    }

    /** zh-CN: "客户" for an unknown name, no title, "我们" for the organisation, "近期" for an unknown date; dates as 3月5日. */
    public static ScriptRenderer chinese() {
        return new ScriptRenderer(Map.of(
                Placeholder.CUSTOMER_NAME, "客户",
                Placeholder.CUSTOMER_TITLE, "",
                Placeholder.AGENT_NAME, "回访专员",
                Placeholder.ORGANISATION, "我们",
                Placeholder.EVENT_DATE, "近期"), DateTimeFormatter.ofPattern("M月d日"));
    }

    public RenderedScript render(SurveyTemplate template, ScriptContext context) {
        Script s = template.script();
        return new RenderedScript(
                render(s.opening(), context),
                render(s.closing(), context),
                render(s.replyToSatisfied(), context),
                render(s.replyToDissatisfied(), context),
                s.notes().stream().map(n -> new ScriptNote(render(n.title(), context), render(n.text(), context))).toList(),
                template.askingOrder().stream()
                        .map(q -> new RenderedScript.RenderedQuestion(q, render(q.text(), context)))
                        .toList());
    }

    public String render(String text, ScriptContext context) {
        Matcher m = Placeholder.TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Placeholder.byToken(m.group(1)).map(p -> valueOf(p, context)).orElse("");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String valueOf(Placeholder placeholder, ScriptContext c) {
        Optional<String> value = switch (placeholder) {
            case CUSTOMER_NAME -> present(c.customerName());
            case CUSTOMER_TITLE -> present(c.customerName()).isPresent()
                    ? Optional.ofNullable(c.customerTitle()).map(CustomerTitle::chinese)
                    : Optional.empty();
            case AGENT_NAME -> present(c.agentName());
            case ORGANISATION -> present(c.organisation());
            case EVENT_DATE -> Optional.ofNullable(c.eventDate()).map(this::format);
        };
        return value.orElse(fallbacks.get(placeholder));
    }

    private String format(LocalDate date) {
        return dateFormat.format(date);
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
