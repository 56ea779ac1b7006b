package com.huifang.survey.template.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.survey.SurveyTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateVersionsTest {

    private final TemplateValidator validator = new TemplateValidator();

    @Test
    void revisionBecomesTheNextVersionAndKeepsTheOldOne() {
        SurveyTemplate draft = SurveyTemplates.everyType();
        var first = TemplateVersions.none(draft.tenantId(), draft.templateId()).revise(draft, validator);
        var second = first.versions().revise(draft.withVersion(99), validator);

        assertThat(first.saved().version()).isEqualTo(1);
        assertThat(second.saved().version()).isEqualTo(2);
        assertThat(second.versions().latest()).contains(second.saved());
        assertThat(second.versions().get(new TemplateRef(draft.templateId(), 1))).contains(first.saved());
        assertThat(second.versions().version(3)).isEmpty();
    }

    @Test
    void invalidRevisionIsNotSaved() {
        SurveyTemplate bad = SurveyTemplates.phone("bad", Question.yesNo("a", "?"), Question.yesNo("a", "?"));
        TemplateVersions none = TemplateVersions.none(bad.tenantId(), bad.templateId());
        assertThatThrownBy(() -> none.revise(bad, validator)).isInstanceOf(InvalidTemplateException.class);
        assertThat(none.latest()).isEmpty();
    }

    @Test
    void versionsOfAnotherTenantAreRefused() {
        SurveyTemplate t = SurveyTemplates.everyType();
        assertThatThrownBy(() -> new TemplateVersions("other-tenant", t.templateId(), List.of(t)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
