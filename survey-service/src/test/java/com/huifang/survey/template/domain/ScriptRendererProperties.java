package com.huifang.survey.template.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class ScriptRendererProperties {

    private final ScriptRenderer renderer = ScriptRenderer.chinese();

    /** Whatever the text around them and whichever values are missing, no placeholder reaches the customer. */
    @Property(tries = 300)
    void noPlaceholderSurvivesRendering(
            @ForAll @Size(max = 8) List<@StringLength(max = 6) @CharRange(from = '一', to = '龥') @Chars({' ', '!', '}'}) String> chunks,
            @ForAll @Size(min = 8, max = 8) List<Integer> picks,
            @ForAll @StringLength(max = 4) @CharRange(from = '一', to = '龥') String name,
            @ForAll @StringLength(max = 4) @CharRange(from = 'a', to = 'z') String agent) {
        Placeholder[] all = Placeholder.values();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            text.append(chunks.get(i)).append('{').append(all[Math.floorMod(picks.get(i), all.length)].token()).append('}');
        }
        String rendered = renderer.render(text.toString(),
                new ScriptContext(name, CustomerTitle.MS, agent, null, null));
        assertThat(rendered).doesNotContain("{");
    }
}
